import { tokenizeWords } from '../text/tokenize-words';
import { looksLikeName } from './match-bias-cues';

const NEGATION = /^(?:not|no|never|nobody|none|nothing|nowhere|neither|nor|without|cannot|n't|.+n't|.+n’t)$/iu;

/** The words of `sentence` a rewording must keep: negations, numbers and names, each as often as it occurs. */
function factWords(sentence: string): string[] {
  let initial = true;
  return tokenizeWords(sentence).flatMap((t) => {
    if (!/[\p{L}\p{N}]/u.test(t.text)) return [];
    const keep = NEGATION.test(t.text) || /\p{N}/u.test(t.text) || looksLikeName(t.text, initial);
    initial = false;
    return keep ? [t.text.toLowerCase()] : [];
  });
}

/** Quoted passages: what a named source said, word for word. */
function quotes(sentence: string): string[] {
  return [...sentence.matchAll(/“[^”]*”|"[^"]*"|‘[^’]*’(?!\p{L})/gu)].map((m) => m[0]);
}

/**
 * Whether `reworded` keeps every fact of `original`: each negation ("never", "not", "didn't"),
 * number and name as often as the original has it, and every quotation word for word.
 */
export function rewordKeepsFacts(original: string, reworded: string): boolean {
  const left = factWords(reworded);
  for (const word of factWords(original)) {
    const at = left.indexOf(word);
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return quotes(original).every((quote) => reworded.includes(quote));
}
