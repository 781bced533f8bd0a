import type { Span } from '../protocol/results';
import { stemWord } from '../text/stem-word';
import { tokenizeWords } from '../text/tokenize-words';
import { BIAS_CUES, type BiasCue } from './bias-cues';
import { excusedByContext } from './cue-exceptions';

/** One occurrence of a lexicon cue in the text. */
export interface CueMatch extends Span {
  readonly cue: BiasCue;
  /** Whether the text has exactly the lexicon's form (not an inflection of it). */
  readonly exact: boolean;
}

interface Word {
  readonly span: Span;
  readonly lower: string;
  readonly stem: string;
  readonly proper: boolean;
}

let cueIndex: Map<string, BiasCue[]> | undefined;

/** Cues by their first word, as written and (when they inflect) as stemmed. */
function index(): Map<string, BiasCue[]> {
  if (cueIndex) return cueIndex;
  cueIndex = new Map();
  for (const cue of BIAS_CUES) {
    const first = cue.words[0] ?? '';
    const keys = new Set(cue.inflect ? [first, stemWord(first)] : [first]);
    for (const key of keys) cueIndex.set(key, [...(cueIndex.get(key) ?? []), cue]);
  }
  return cueIndex;
}

/**
 * Whether Loupe's lexicon has a one-word cue for `word` (as written or stemmed), whether or not
 * it matched in a given sentence: a known cue that did not match was excused by its context
 * ("greedy algorithm", "toxic chemical").
 */
export function lexiconKnows(word: string): boolean {
  const lower = word.toLowerCase().replace(/’/gu, "'");
  return [...(index().get(lower) ?? []), ...(index().get(stemWord(lower)) ?? [])].some((cue) => cue.words.length === 1);
}

/**
 * Whether a word reads as (part of) a name: capitalised anywhere but at the start of the
 * sentence, or written in capitals. Names never count as cues ("Savage", "the Radical Party").
 */
export function looksLikeName(word: string, sentenceInitial: boolean): boolean {
  if (/\p{Lu}/u.test(word) && word.length > 1 && word === word.toUpperCase()) return true;
  return !sentenceInitial && /^\p{Lu}/u.test(word);
}

/** Word tokens of `span` with lower-case and stemmed forms, and whether each looks like a name. */
function wordsOf(text: string, span: Span): Word[] {
  let initial = true;
  return tokenizeWords(text.slice(span.start, span.end)).map((t) => {
    const lower = t.text.toLowerCase().replace(/’/gu, "'");
    const isWord = /[\p{L}\p{N}]/u.test(t.text);
    const proper = isWord && looksLikeName(t.text, initial);
    // Opening quotes and brackets keep the next word sentence-initial; anything else ends that.
    if (isWord || !/^["“‘'([]$/u.test(t.text)) initial = false;
    return { span: { start: t.start + span.start, end: t.end + span.start, text: t.text }, lower, stem: stemWord(lower), proper };
  });
}

/**
 * Finds lexicon cues inside `span` of `text`: case-insensitive whole words, with -s/-ed/-ing/-ly
 * forms for cues that inflect; at each position the longest phrase wins. Words that look like
 * names (capitalised inside the sentence, or all capitals) never match. Offsets index into `text`.
 */
export function matchBiasCues(text: string, span: Span): CueMatch[] {
  const words = wordsOf(text, span);
  const matches: CueMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const found = bestCueAt(words, i);
    if (!found) continue;
    const first = words[i] as Word;
    const last = words[i + found.cue.words.length - 1] as Word;
    matches.push({ start: first.span.start, end: last.span.end, text: text.slice(first.span.start, last.span.end), ...found });
    i += found.cue.words.length - 1;
  }
  return matches;
}

/** The longest cue matching at word `i`, preferring exact forms, then stronger cues. */
function bestCueAt(words: readonly Word[], i: number): { cue: BiasCue; exact: boolean } | undefined {
  const word = words[i] as Word;
  const candidates = new Set([...(index().get(word.lower) ?? []), ...(index().get(word.stem) ?? [])]);
  let best: { cue: BiasCue; exact: boolean } | undefined;
  for (const cue of candidates) {
    if (cue.words.some((_, k) => words[i + k]?.proper)) continue;
    const exact = cue.words.every((w, k) => words[i + k]?.lower === w);
    if (!exact && !cue.words.every((w, k) => inflectedMatch(w, words[i + k], cue.inflect))) continue;
    if (!exact && !verbFormFits(cue, words, i)) continue;
    if (cue.category === 'framing-verb' && cue.words.length === 1 && !speechFollows(words[i + 1]?.lower)) continue;
    if (excusedByContext(cue.words.join(' '), words, i, i + cue.words.length)) continue;
    const better =
      !best ||
      cue.words.length > best.cue.words.length ||
      (cue.words.length === best.cue.words.length && (Number(exact) - Number(best.exact) || cue.strength - best.cue.strength) > 0);
    if (better) best = { cue, exact };
  }
  return best;
}

/** What follows a verb of saying: a clause, an infinitive, a pronoun, an object, or punctuation. */
const SPEECH_FOLLOWS = /^(?:that|to|he|she|they|it|we|i|you|him|them|us|me|there|this|his|her|their|its|the|a|an|on|[,.;:!?"“”'’—–-])$/u;

/** Whether `next` (the word or mark after a verb, lower case; none at the end) can follow a verb of saying. */
export function speechFollows(next: string | undefined): boolean {
  return SPEECH_FOLLOWS.test(next ?? '.');
}

/** After a verb in -s: a clause, a pronoun or a determined object ("claims that", "slams the plan"). */
const VERB_OBJECT = /^(?:that|he|she|they|it|we|i|you|him|them|us|me|this|his|her|their|its|the|a|an)$/u;
/** Before a noun in -s: a determiner or a possessive ("these claims", "Blair's claims"). */
const NOUN_BEFORE = /^(?:the|these|those|his|her|their|its|our|my|your|such|many|some|any|no|all|'s|’s|s'|of|and|or)$/u;

/**
 * A verb cue ("slammed", "claimed") matches its -ed and -ing forms anywhere, its -s form only
 * before an object or a clause ("slams the plan", not "the insurance claims were paid"), and
 * never its bare form, which is as often a noun ("a duck", "the claim").
 */
function verbFormFits(cue: BiasCue, words: readonly Word[], i: number): boolean {
  if (cue.words.length > 1 || !cue.words[0]?.endsWith('ed')) return true;
  const word = words[i]?.lower ?? '';
  if (/(?:ed|ing)$/u.test(word)) return true;
  if (/[^s]s$/u.test(word)) return VERB_OBJECT.test(words[i + 1]?.lower ?? '') && !NOUN_BEFORE.test(words[i - 1]?.lower ?? '');
  return false;
}

function inflectedMatch(cueWord: string, word: Word | undefined, inflect: boolean): boolean {
  if (!word) return false;
  if (word.lower === cueWord) return true;
  // "reportedly" must not match "reported": adverb cues only match adverbs.
  return inflect && stemWord(cueWord) === word.stem && (!cueWord.endsWith('ly') || word.lower.endsWith('ly'));
}
