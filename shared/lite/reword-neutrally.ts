import type { Span } from '../protocol/results';
import type { CueMatch } from './match-bias-cues';

const DANGLING = /\b(?:is|are|was|were|be|been|the|a|an|and|or|but)\s+(?:and|or|but)\b|\b(?:and|or|but)\s*[,.;:!?]|^\s*(?:and|or|but)\b/iu;

/**
 * `sentence` with each cue replaced by its neutral word (or dropped when the lexicon says it
 * can go), or `undefined` when some cue has no neutral wording.
 */
export function rewordNeutrally(text: string, sentence: Span, cues: readonly CueMatch[]): string | undefined {
  if (cues.some((match) => match.cue.suggestion === undefined || isBareFormOfVerbCue(match))) return undefined;
  let result = '';
  let at = sentence.start;
  let previousDropped = false;
  for (const match of [...cues].sort((a, b) => a.start - b.start)) {
    const replacement = matchCase(match.text, inflectLike(match, match.cue.suggestion ?? ''));
    const between = text.slice(at, match.start);
    // "totally and absolutely ruin" with both intensifiers dropped: the "and" goes with them.
    const joinsDropped = previousDropped && replacement === '' && /^\s+(?:and|or)\s+$/iu.test(between);
    result += joinsDropped ? ' ' : fixArticle(between, replacement) + replacement;
    previousDropped = replacement === '';
    at = match.end;
  }
  result += text.slice(at, sentence.end);
  // Dropping "totally" alone from "totally and utterly wrong" leaves "and wrong": no suggestion then.
  if (DANGLING.test(result)) return undefined;
  return result.replace(/\s{2,}/gu, ' ').replace(/\s+([,.;:!?])/gu, '$1').replace(/^\s+/u, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * The cue "schemed" also matches "scheme", which is usually the noun there: a past-tense
 * suggestion ("planned") would not fit, and the verb's bare form cannot be derived reliably.
 */
function isBareFormOfVerbCue(match: CueMatch): boolean {
  const lastWord = match.cue.words.at(-1) ?? '';
  return !match.exact && lastWord.endsWith('ed') && !/(?:ed|ing|s)$/iu.test(match.text);
}

/** "an outrage" → "a scandal": the indefinite article follows the replacement's first sound. */
function fixArticle(before: string, replacement: string): string {
  const article = /\b(a|an)(\s+)$/iu.exec(before);
  if (!article?.[1] || !article[2]) return before;
  const wanted = /^[aeiou]/iu.test(replacement) ? 'an' : 'a';
  const cased = /^\p{Lu}/u.test(article[1]) ? wanted.replace(/^a/u, 'A') : wanted;
  return before.slice(0, article.index) + cased + article[2];
}

/** "slams" → "criticizes", "slamming" → "criticizing": keeps the tense of the matched form. */
function inflectLike(match: CueMatch, suggestion: string): string {
  if (match.exact || /\s/u.test(suggestion)) return suggestion;
  const word = match.text.toLowerCase();
  if (suggestion === 'said') return word.endsWith('ing') ? 'saying' : word.endsWith('s') ? 'says' : 'said';
  if (!suggestion.endsWith('ed')) return suggestion;
  if (word.endsWith('ing')) return `${suggestion.replace(/e?d$/u, '')}ing`;
  if (word.endsWith('s')) return `${suggestion.replace(/d$/u, '')}s`;
  return suggestion;
}

function matchCase(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) ? replacement.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : replacement;
}
