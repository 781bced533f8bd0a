import type { Span } from '../../protocol/results';
import { tokenizeWords } from '../../text/tokenize-words';

/** Clitics that CoNLL keeps as one token ("'s", "'ve") even when written apart from their word. */
const CLITIC = /^(?:s|m|d|ve|ll|re)$/iu;

/**
 * Tokens of `text` as the tagger was trained on them (CoNLL-2003 tokenisation): the shared
 * word tokenizer's tokens, with an initial and its full stop joined ("J." in "J. Smith") and
 * an apostrophe joined to a following clitic ("' s" → "'s"), as CoNLL writes them.
 */
export function taggerTokens(text: string): Span[] {
  const tokens = tokenizeWords(text);
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Span;
    const next = tokens[i + 1];
    const joins =
      next !== undefined &&
      next.start === token.end &&
      ((/^\p{Lu}$/u.test(token.text) && next.text === '.') || (/^['’]$/u.test(token.text) && CLITIC.test(next.text)));
    if (joins) {
      out.push({ start: token.start, end: next.end, text: text.slice(token.start, next.end) });
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}
