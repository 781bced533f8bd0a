import type { Entity, EntityType, Span } from '../protocol/results';
import { STOPWORDS } from '../text/stopwords';
import { tokenizeWords } from '../text/tokenize-words';
import {
  CALENDAR_WORDS,
  COMMON_OPENERS,
  HONORIFICS,
  KNOWN_PLACES,
  LOC_CUES,
  LOC_PHRASE_HEADS,
  LOC_SUFFIXES,
  NAME_CONNECTORS,
  ORG_HEADS,
  ORG_SUFFIXES,
  SPEECH_VERBS,
} from './entity-cues';

/** A run of capitalised tokens that may be a name, with the tokens around it. */
interface Candidate {
  readonly tokens: readonly Span[];
  readonly atStart: boolean;
  readonly titled: boolean;
  readonly before: readonly string[];
  readonly after: string;
}

/**
 * v0 named entities from capitalisation, until the trained tagger lands: runs of capitalised
 * words (joined by "of", "de", "van", "the", "&"...) outside sentence starts unless the name
 * recurs mid-sentence; titles ("Dr.", "President") make a person, suffixes ("Inc", "University",
 * "Council") an organisation, place cues ("in X", "city of X", known countries) a place.
 * Scores stay below 0.7: these are guesses. Offsets index into `text`.
 */
export function findCapitalisedEntities(text: string, sentences: readonly Span[]): Entity[] {
  const candidates = sentences.flatMap((sentence) => sentenceCandidates(text, sentence));
  const midSentence = new Set(candidates.filter((c) => !c.atStart).flatMap((c) => c.tokens.map((t) => t.text)));
  const kept = candidates.filter((c) => !c.atStart || c.tokens.length > 1 || looksNamed(c, midSentence));
  return resolveShortNames(kept.map((c) => classify(text, c)));
}

/** A lone capitalised word opening a sentence is a name if it recurs, is an acronym or speaks. */
function looksNamed(c: Candidate, midSentenceWords: ReadonlySet<string>): boolean {
  const word = c.tokens[0]?.text ?? '';
  return midSentenceWords.has(word) || /^\p{Lu}{2,6}$|^(?:\p{Lu}\.){2,}$/u.test(word) || SPEECH_VERBS.has(c.after);
}

function sentenceCandidates(text: string, sentence: Span): Candidate[] {
  const tokens = tokenizeWords(sentence.text).map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start }));
  const words = tokens.filter((t) => /\p{L}/u.test(t.text));
  const headline =
    words.length >= 4 && !/[.!?]["'”’)\]]*$/u.test(sentence.text) && words.filter((t) => isCapitalised(t.text)).length / words.length > 0.6;
  const firstWord = tokens.findIndex((t) => /\p{L}/u.test(t.text));
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i]?.text ?? '')) continue;
    let end = i;
    while (extendsName(tokens, end)) end += tokens[end + 1]?.text && isCapitalised(tokens[end + 1]?.text ?? '') ? 1 : 2;
    const candidate = trimCandidate(tokens, i, end, i === firstWord);
    i = end;
    if (!candidate) continue;
    // Title-case headlines capitalise every word: trust only names the body repeats.
    if (headline && countOccurrences(text, nameOf(text, candidate)) < 2) continue;
    found.push(candidate);
  }
  return found;
}

function extendsName(tokens: readonly Span[], end: number): boolean {
  const next = tokens[end + 1]?.text ?? '';
  if (isCapitalised(next)) return true;
  const after = tokens[end + 2]?.text ?? '';
  // "Tidewater Fishermen's Association": a possessive inside an organisation's name.
  if (/^['’]s$/iu.test(next)) return ORG_SUFFIXES.has(after.toLowerCase()) && isCapitalised(after);
  return NAME_CONNECTORS.has(next.toLowerCase()) && isCapitalised(after);
}

/** Drops sentence-start filler and titles; `null` when nothing name-like is left. */
function trimCandidate(tokens: readonly Span[], start: number, end: number, atStart: boolean): Candidate | null {
  let from = start;
  const lower = (i: number) => tokens[i]?.text.toLowerCase() ?? '';
  if (atStart && (STOPWORDS.has(lower(from)) || COMMON_OPENERS.has(lower(from)))) {
    from++;
    atStart = false;
    while (from <= end && NAME_CONNECTORS.has(lower(from))) from++;
  }
  let titled = false;
  if (!ORG_SUFFIXES.has(lower(end))) {
    while (from < end && HONORIFICS.has(lower(from))) [from, titled, atStart] = [from + 1, true, false];
  }
  const run = tokens.slice(from, end + 1);
  if (run.length === 0 || (run.length === 1 && HONORIFICS.has(lower(from)))) return null;
  if (run.every((t) => CALENDAR_WORDS.has(t.text.toLowerCase()) || t.text === 'I')) return null;
  return { tokens: run, atStart, titled, before: [lower(from - 1), lower(from - 2)], after: lower(end + 1) };
}

function classify(text: string, c: Candidate): Entity {
  const words = c.tokens.map((t) => t.text.toLowerCase());
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  const name = nameOf(text, c);
  const [type, score] = ((): [EntityType, number] => {
    if (c.titled) return ['PER', 0.6];
    if (ORG_SUFFIXES.has(last) || (ORG_HEADS.has(first) && words[1] === 'of')) return ['ORG', 0.6];
    if (KNOWN_PLACES.has(name.toLowerCase())) return ['LOC', 0.65];
    if (words.length > 1 && LOC_SUFFIXES.has(last)) return ['LOC', 0.55];
    if (/^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u.test(name)) return ['ORG', 0.5];
    if (SPEECH_VERBS.has(c.after)) return ['PER', 0.55];
    if (LOC_CUES.has(c.before[0] ?? '') || (c.before[0] === 'of' && LOC_PHRASE_HEADS.has(c.before[1] ?? ''))) return ['LOC', 0.5];
    if (words.length <= 3 && c.tokens.every((t) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(t.text))) {
      return words.length > 1 ? ['PER', 0.45] : ['MISC', 0.35];
    }
    return ['MISC', 0.4];
  })();
  const first_ = c.tokens[0] as Span;
  const last_ = c.tokens.at(-1) as Span;
  return { start: first_.start, end: last_.end, text: name, type, score, source: 'heuristic' };
}

/** "Lopez" alone is the same person as an earlier "Maria Lopez". */
function resolveShortNames(entities: Entity[]): Entity[] {
  const personWords = new Set(entities.filter((e) => e.type === 'PER').flatMap((e) => e.text.split(/\s+/u)));
  return entities.map((e) => (e.type === 'MISC' && !/\s/u.test(e.text) && personWords.has(e.text) ? { ...e, type: 'PER', score: 0.5 } : e));
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) && word !== 'I';
}

function nameOf(text: string, c: Candidate): string {
  return text.slice(c.tokens[0]?.start ?? 0, c.tokens.at(-1)?.end ?? 0);
}

function countOccurrences(text: string, needle: string): number {
  return needle === '' ? 0 : text.split(needle).length - 1;
}
