import type { Span } from '../protocol/results';
import { speechFollows, type CueMatch } from './match-bias-cues';
import { rewordKeepsFacts } from './reword-keeps-facts';

const DANGLING = /\b(?:is|are|was|were|be|been|the|a|an|and|or|but)\s+(?:and|or|but)\b|\b(?:and|or|but)\s*[,.;:!?]|^\s*(?:and|or|but)\b/iu;

const PRESENT_VERB_OBJECT =
  /^\s+(?:the|a|an|that|his|her|their|its|this|these|those|he|she|they|it|we|i|you|to|on|over|about|him|them|us|our|my|your|\p{Lu})/u;
const DETERMINER_BEFORE = /\b(?:the|a|an|his|her|their|its|our|my|your|this|these|those)\s+$/iu;

/**
 * `sentence` with each cue replaced by its neutral word (or dropped when the lexicon says it
 * can go), or `undefined` when no safe rewording exists: some cue has no neutral wording, a verb
 * cue is used as a noun or adjective ("insurance claims were paid", "the claimed savings"), or the
 * result would lose a negation, a number, a name or a quotation (see {@link rewordKeepsFacts}).
 * Only the cue words change.
 */
export function rewordNeutrally(text: string, sentence: Span, cues: readonly CueMatch[]): string | undefined {
  if (
    cues.length === 0 ||
    cues.some(
      (match) =>
        match.cue.suggestion === undefined ||
        isBareFormOfVerbCue(match) ||
        isNounUseOfVerbCue(text, match) ||
        saysWithoutSpeech(text, match) ||
        !suggestionFitsForm(match) ||
        leavesAGap(text, match),
    )
  )
    return undefined;
  let result = '';
  let at = sentence.start;
  let previousDropped = false;
  for (const match of [...cues].sort((a, b) => a.start - b.start)) {
    const replacement = matchCase(match.text, inflectLike(match, match.cue.suggestion ?? ''));
    const between = text.slice(at, match.start);
    // "totally and absolutely ruin" with both intensifiers dropped: the "and" goes with them.
    const joinsDropped = previousDropped && replacement === '' && /^\s+(?:and|or)\s+$/iu.test(between);
    // "a chaotic assemblage" without "chaotic": the article agrees with the word that now follows it.
    result += joinsDropped ? ' ' : fixArticle(between, replacement || wordAfter(text, match.end)) + replacement;
    previousDropped = replacement === '';
    at = match.end;
  }
  result += text.slice(at, sentence.end);
  // Dropping "totally" alone from "totally and utterly wrong" leaves "and wrong": no suggestion then.
  if (DANGLING.test(result)) return undefined;
  const tidy = result
    .replace(/\s{2,}/gu, ' ')
    .replace(/\s+([,.;:!?])/gu, '$1')
    .replace(/^\s+/u, '')
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return rewordKeepsFacts(text.slice(sentence.start, sentence.end), tidy) ? tidy : undefined;
}

/** A cue reworded to a verb ("said", "criticized") must be used as a verb where it stands. */
function isVerbSuggestion(match: CueMatch): boolean {
  const suggestion = match.cue.suggestion ?? '';
  return (
    match.cue.inflect && (suggestion === 'said' || /ed$|^(?:did not|declined|changed|took|objected|agreed|apologized)\b/u.test(suggestion))
  );
}

/**
 * "claims" after "insurance" and before "were" is a noun; "the claimed savings" is an adjective.
 * A verb cue in -s counts as a verb only when an object, a clause or a name follows it; one in
 * -ed or -ing not right after a determiner ("the claimed savings", "the meddling").
 */
function isNounUseOfVerbCue(text: string, match: CueMatch): boolean {
  if (!isVerbSuggestion(match) || match.cue.words.length > 1) return false;
  const word = match.text.toLowerCase();
  if (/[^s]s$/u.test(word)) return !PRESENT_VERB_OBJECT.test(text.slice(match.end, match.end + 40));
  if (/(?:ed|ing)$/u.test(word)) return DETERMINER_BEFORE.test(text.slice(Math.max(0, match.start - 40), match.start));
  return false;
}

/**
 * The cue "schemed" also matches "scheme", which is usually the noun there: a past-tense
 * suggestion ("planned") would not fit, and the verb's bare form cannot be derived reliably.
 */
function isBareFormOfVerbCue(match: CueMatch): boolean {
  const lastWord = match.cue.words.at(-1) ?? '';
  return !match.exact && lastWord.endsWith('ed') && !/(?:ed|ing|s)$/iu.test(match.text);
}

/**
 * "said" fits where speech follows ("spewed that the vote was rigged"), not before a thing
 * ("spewing hatred", "spewing water"): there the cue has no neutral wording.
 */
function saysWithoutSpeech(text: string, match: CueMatch): boolean {
  return match.cue.suggestion === 'said' && !speechFollows(wordAfter(text, match.end).toLowerCase() || undefined);
}

/** What a word's ending says about its form: "slams", "slammed", "slamming", "radically". */
function formOf(word: string): string {
  return /ing$/iu.exec(word)?.[0] ?? /ed$/iu.exec(word)?.[0] ?? /ly$/iu.exec(word)?.[0] ?? /s$/iu.exec(word)?.[0] ?? '';
}

/**
 * The lexicon's neutral word fits the form it was written for ("shocking" → "surprising"); a
 * match in another form ("shocked", "crusaded") can take it only when it inflects like a verb
 * ("said", "criticized").
 */
function suggestionFitsForm(match: CueMatch): boolean {
  if (match.exact) return true;
  const suggestion = match.cue.suggestion ?? '';
  if (suggestion === '' || formOf(match.text) === formOf(match.cue.words.at(-1) ?? '')) return true;
  return match.cue.inflect && !/\s/u.test(suggestion) && (suggestion === 'said' || suggestion.endsWith('ed'));
}

/** Words that grade the adjective after them: dropping it would leave them dangling ("an extremely one"). */
const DEGREE_BEFORE =
  /\b(?:very|extremely|so|too|rather|quite|most|more|less|really|pretty|fairly|increasingly|truly|deeply|highly|especially|particularly|as|how)\s+$/iu;

/** Verbs that an adjective completes: "might sound absurd at first" cannot lose "absurd". */
const LINKING_BEFORE =
  /\b(?:is|are|was|were|be|been|being|seems?|seemed|sounds?|sounded|looks?|looked|feels?|felt|becomes?|became|appears?|appeared|remains?|remained)\s+$/iu;
/** A number, in digits or words. */
const NUMBER =
  /^(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)$)/iu;

/**
 * A cue that would be dropped where nothing can close over it: after a word that grades it
 * ("too absurd"), before a mark ("That is absurd.", "a disastrous, costly plan"), an adjective
 * after a linking verb ("might sound absurd at first"), or between an article and a number ("a
 * chaotic six hours").
 */
function leavesAGap(text: string, match: CueMatch): boolean {
  if (match.cue.suggestion !== '') return false;
  const after = wordAfter(text, match.end);
  const before = text.slice(Math.max(0, match.start - 20), match.start);
  const adjective = !/ly$/iu.test(match.text) && match.cue.category !== 'exaggeration';
  return (
    DEGREE_BEFORE.test(before) ||
    after === '' ||
    /^[.,;:!?)\]"”’—–-]$/u.test(after) ||
    (adjective && LINKING_BEFORE.test(before)) ||
    (/\b(?:a|an)\s+$/iu.test(before) && NUMBER.test(after))
  );
}

/** The next word or mark after `at` ('' at the end of the text). */
function wordAfter(text: string, at: number): string {
  return /^\s*([\p{L}\p{N}]+|\S)/u.exec(text.slice(at, at + 40))?.[1] ?? '';
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
