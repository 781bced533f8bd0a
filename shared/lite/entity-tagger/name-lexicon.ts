import { z } from 'zod';
import { feedHash, finishHash, hashFeature, startHash } from './hash-feature';

/** Bits of the name types a lexicon entry was seen as. */
export const NAME_TYPE_BITS: Readonly<Record<string, number>> = { PER: 1, ORG: 2, LOC: 4, MISC: 8 };

/** How a word is written mid-sentence in the training text. */
export const WORD_CASE = { unseen: 0, lower: 1, capitalised: 2, both: 3 } as const;

/**
 * What the tagger knows of names from its training data, without any of the words themselves:
 * keys are hashes of "kind + lower-cased text". Built by the trainer, shipped in
 * tagger-config.json. `phrase` and `word` hold type bits ({@link NAME_TYPE_BITS}), `case` a
 * {@link WORD_CASE} value.
 */
export interface NameLexicon {
  /** Longest phrase, in tokens, the lexicon holds. */
  readonly maxPhraseTokens: number;
  /** Type bits of names that were exactly this phrase (lower-cased tokens joined by one space). */
  phraseTypes(lowerPhrase: string): number;
  /**
   * The longest phrase of the lexicon that `lowerWords` start with at `start` (its length in
   * tokens and its type bits), or `undefined`: what {@link phraseTypes} says of each longer
   * stretch, without joining the words.
   */
  longestPhrase(lowerWords: readonly string[], start: number): { length: number; types: number } | undefined;
  /** Type bits of names this lower-cased word was part of. */
  wordTypes(lowerWord: string): number;
  /** How this lower-cased word is written mid-sentence in the training text ({@link WORD_CASE}). */
  wordCase(lowerWord: string): number;
}

export type LexiconKind = 'phrase' | 'word' | 'case';

/** The hash a lexicon entry is stored under. */
export function lexiconKey(kind: LexiconKind, lowerText: string, seed: number): number {
  return hashFeature(`${kind}\u0000${lowerText}`, seed);
}

function keyStart(kind: LexiconKind, seed: number): number {
  return feedHash(startHash(seed), `${kind}\u0000`);
}

/**
 * The lexicon as stored in tagger-config.json: sorted keys as gaps from the previous key (the
 * first from 0), and one value per key.
 */
export const NameLexiconFileSchema = z.strictObject({
  seed: z.number().int().nonnegative(),
  maxPhraseTokens: z.number().int().min(1).max(16),
  keyGaps: integers(0, Number.MAX_SAFE_INTEGER),
  values: integers(0, 255),
});
export type NameLexiconFile = z.infer<typeof NameLexiconFileSchema>;

/**
 * An array of integers from `min` to `max`, checked in one pass: a schema per element costs
 * tens of milliseconds on the shipped lexicon's 86,000 numbers, at every start of the CLI.
 */
function integers(min: number, max: number) {
  return z.custom<number[]>((value) => Array.isArray(value) && value.every((n) => Number.isInteger(n) && n >= min && n <= max), {
    message: `expected an array of integers from ${min} to ${max}`,
  });
}

/** The lexicon of a stored file; `null` when its keys and values do not pair up. */
export function readNameLexicon(file: NameLexiconFile): NameLexicon | null {
  if (file.keyGaps.length !== file.values.length) return null;
  const table = new Map<number, number>();
  let key = 0;
  file.keyGaps.forEach((gap, i) => {
    key += gap;
    table.set(key | 0, file.values[i] ?? 0);
  });
  return lexiconOverInt32(table, file.seed, file.maxPhraseTokens);
}

const LETTER = /\p{L}/u;

/** A lexicon over a table of hashed keys (see {@link lexiconKey}) → values. */
export function lexiconOver(table: ReadonlyMap<number, number>, seed: number, maxPhraseTokens: number): NameLexicon {
  return lexiconOverInt32(new Map([...table].map(([key, value]) => [key | 0, value])), seed, maxPhraseTokens);
}

/**
 * The lexicon over a table keyed by each hash's 32 bits read as a signed integer (`key | 0`):
 * the same keys, one for one, that the engine stores and compares as small integers rather
 * than as numbers on the heap.
 */
function lexiconOverInt32(table: ReadonlyMap<number, number>, seed: number, maxPhraseTokens: number): NameLexicon {
  // lexiconKey's hash, fed from each kind's prefix state instead of a joined string.
  const starts = { phrase: keyStart('phrase', seed), word: keyStart('word', seed), case: keyStart('case', seed) };
  const get = (kind: LexiconKind, text: string) => table.get(finishHash(feedHash(starts[kind], text)) | 0) ?? 0;
  return {
    maxPhraseTokens,
    phraseTypes: (phrase) => get('phrase', phrase),
    longestPhrase(lowerWords, start) {
      let found: { length: number; types: number } | undefined;
      let state = starts.phrase;
      for (let length = 1; length <= maxPhraseTokens && start + length <= lowerWords.length; length++) {
        const word = lowerWords[start + length - 1] ?? '';
        // Every lettered word of a stored phrase is stored as a word too (see buildNameLexicon):
        // past a word no name holds, no phrase goes on. Most words of a page stop here at once.
        if (get('word', word) === 0 && LETTER.test(word)) break;
        state = feedHash(length === 1 ? state : feedHash(state, ' '), word);
        const types = table.get(finishHash(state) | 0) ?? 0;
        if (types !== 0) found = { length, types };
      }
      return found;
    },
    wordTypes: (word) => get('word', word),
    wordCase: (word) => get('case', word),
  };
}

/** Stores a table of hashed keys → values as a {@link NameLexiconFile}. */
export function writeNameLexicon(table: ReadonlyMap<number, number>, seed: number, maxPhraseTokens: number): NameLexiconFile {
  const keys = [...table.keys()].sort((a, b) => a - b);
  return {
    seed,
    maxPhraseTokens,
    keyGaps: keys.map((key, i) => key - (i === 0 ? 0 : (keys[i - 1] ?? 0))),
    values: keys.map((key) => table.get(key) ?? 0),
  };
}

/** A lexicon that knows nothing (every lookup 0). */
export const EMPTY_LEXICON: NameLexicon = lexiconOver(new Map(), 0, 1);
