import type { Span } from '../protocol/results';
import { stemWord } from '../text/stem-word';
import { tokenizeWords } from '../text/tokenize-words';
import { BIAS_CUES, CUE_EXCEPTIONS, type BiasCue } from './bias-cues';

/** One occurrence of a lexicon cue in the text. */
export interface CueMatch extends Span {
  readonly cue: BiasCue;
  /** Whether the text has exactly the lexicon's form (not an inflection of it). */
  readonly exact: boolean;
}

interface Word { readonly span: Span; readonly lower: string; readonly stem: string }

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
 * Finds lexicon cues inside `span` of `text`: case-insensitive whole words, with -s/-ed/-ing/-ly
 * forms for cues that inflect; at each position the longest phrase wins, so "critics claim" is
 * one hedge rather than a hedge plus a framing verb. Offsets index into `text`.
 */
export function matchBiasCues(text: string, span: Span): CueMatch[] {
  const words: Word[] = tokenizeWords(text.slice(span.start, span.end)).map((t) => {
    const lower = t.text.toLowerCase().replace(/’/gu, "'");
    return { span: { start: t.start + span.start, end: t.end + span.start, text: t.text }, lower, stem: stemWord(lower) };
  });
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
    const exact = cue.words.every((w, k) => words[i + k]?.lower === w);
    if (!exact && !cue.words.every((w, k) => inflectedMatch(w, words[i + k], cue.inflect))) continue;
    if (isException(cue, words[i - 1]?.lower, words[i + cue.words.length]?.lower)) continue;
    const better = !best || cue.words.length > best.cue.words.length ||
      (cue.words.length === best.cue.words.length && (Number(exact) - Number(best.exact) || cue.strength - best.cue.strength) > 0);
    if (better) best = { cue, exact };
  }
  return best;
}

function inflectedMatch(cueWord: string, word: Word | undefined, inflect: boolean): boolean {
  if (!word) return false;
  if (word.lower === cueWord) return true;
  // "reportedly" must not match "reported": adverb cues only match adverbs.
  return inflect && stemWord(cueWord) === word.stem && (!cueWord.endsWith('ly') || word.lower.endsWith('ly'));
}

function isException(cue: BiasCue, before: string | undefined, after: string | undefined): boolean {
  const rule = CUE_EXCEPTIONS[cue.words.join(' ')];
  if (!rule) return false;
  return (before !== undefined && (rule.notAfter?.includes(before) ?? false)) ||
    (after !== undefined && (rule.notBefore?.includes(after) ?? false));
}
