import type { Attribution } from './read-polnear';

const PRONOUN = /^(?:he|she|they|i|we|you|it|who|which|that|him|her|them|his|their|its|one|this|these|those)$/iu;
const QUANTIFIED =
  /^(?:some|many|most|several|numerous|countless|certain|other|others|few|a\s+(?:few|number|lot|handful|growing\s+number|majority)|lots|plenty|much|more)\b/iu;
const DETERMINED =
  /^(?:(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|both|each|every|one|two|three|four|five|six|seven|eight|nine|ten)\b|\d)/iu;
const EVERYONE = /^(?:people|everyone|everybody|someone|somebody|nobody|no\s+one|anyone|anybody|the\s+public|observers)$/iu;
const AGENTLESS =
  /\b(?:is|are|was|were|been|be|being)\s+(?:widely\s+|generally\s+|commonly\s+|often\s+)?(?:believed|said|thought|reported|rumou?red|alleged|claimed|feared|understood)\b|^(?:reportedly|allegedly|supposedly|purportedly|rumou?red)$/iu;

/**
 * Whether a PolNeAR attribution credits its content to no one a reader could identify — the
 * gold standard the unattributed-claim rules are measured against. Decided from the shape of
 * the annotated source span alone, never from the rules' own cue list:
 * - a source led by a quantifier ("some", "many of the delegates", "a number of critics");
 * - a bare plural or generic noun with no name in it ("critics", "political observers",
 *   "polls", "people");
 * - no source at all, with an agentless passive of saying or believing ("it is believed",
 *   "was reportedly") as the cue.
 * Pronouns (which point back at a named speaker), names, and determined phrases ("the mayor",
 * "a spokesman", "the poll") are attributed.
 */
export function isVagueSource(attribution: Attribution, articleText: string): boolean {
  const { source, cue } = attribution;
  if (!source) return cue !== undefined && AGENTLESS.test(cue.text);
  const words = source.text.trim();
  if (words === '' || PRONOUN.test(words)) return false;
  if (QUANTIFIED.test(words) || EVERYONE.test(words)) return true;
  if (DETERMINED.test(words)) return false;
  return isPlural(words) && !hasName(words, startsSentence(articleText, source.start));
}

function isPlural(phrase: string): boolean {
  const last = phrase.split(/\s+/u).at(-1) ?? '';
  return /[^s’'\s]s$/iu.test(last) && !/(?:ss|us|is)$/iu.test(last);
}

/** A capitalised word, other than a sentence's first. */
function hasName(phrase: string, sentenceInitial: boolean): boolean {
  return phrase.split(/\s+/u).some((word, i) => /^\p{Lu}/u.test(word) && !(i === 0 && sentenceInitial));
}

function startsSentence(text: string, at: number): boolean {
  return /(?:^|[.!?]["”’)]?\s+|\n\s*)["“‘(]*$/u.test(text.slice(Math.max(0, at - 12), at));
}
