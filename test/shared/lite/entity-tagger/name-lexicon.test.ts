import { describe, expect, it } from 'vitest';
import { extractFeatures, FEATURES_PER_TOKEN } from '../../../../shared/lite/entity-tagger/extract-features';
import {
  lexiconKey,
  lexiconOver,
  NameLexiconFileSchema,
  readNameLexicon,
  writeNameLexicon,
} from '../../../../shared/lite/entity-tagger/name-lexicon';

const SEED = 11;
/** As the trainer builds it (buildNameLexicon): each name as a phrase, and each of its words. */
const table = new Map([
  [lexiconKey('phrase', 'harbor point council', SEED), 2],
  [lexiconKey('word', 'harbor', SEED), 2],
  [lexiconKey('word', 'point', SEED), 2],
  [lexiconKey('word', 'council', SEED), 2],
  [lexiconKey('phrase', 'lisbon', SEED), 4],
  [lexiconKey('word', 'lisbon', SEED), 4],
  [lexiconKey('case', 'council', SEED), 2],
]);

describe('the name lexicon', () => {
  it('survives being stored and read back, and knows nothing else', () => {
    const lexicon = readNameLexicon(writeNameLexicon(table, SEED, 3))!;
    expect(lexicon.phraseTypes('harbor point council')).toBe(2);
    expect(lexicon.wordTypes('lisbon')).toBe(4);
    expect(lexicon.wordCase('council')).toBe(2);
    expect(lexicon.phraseTypes('harbor point')).toBe(0);
    expect(lexicon.wordTypes('council')).toBe(2);
    expect(lexicon.wordTypes('met')).toBe(0);
  });

  it('finds the longest known name a sentence holds from a word on, as word-by-word lookups would', () => {
    const lexicon = lexiconOver(table, SEED, 3);
    const words = ['the', 'harbor', 'point', 'council', 'met', 'in', 'lisbon'];
    expect(lexicon.longestPhrase(words, 1)).toEqual({ length: 3, types: 2 });
    expect(lexicon.longestPhrase(words, 6)).toEqual({ length: 1, types: 4 });
    expect(lexicon.longestPhrase(words, 2)).toBeUndefined(); // "point council" is no name
    expect(lexicon.longestPhrase(words, 0)).toBeUndefined(); // "the harbor point" neither
    // A limit of two words never reaches the three-word name.
    expect(lexiconOver(table, SEED, 2).longestPhrase(words, 1)).toBeUndefined();
  });

  it('refuses a stored lexicon whose keys and values do not pair up', () => {
    expect(readNameLexicon({ seed: 1, maxPhraseTokens: 2, keyGaps: [1, 2], values: [1] })).toBeNull();
  });

  it('accepts a stored lexicon of whole numbers in range, and nothing else', () => {
    const stored = writeNameLexicon(table, SEED, 3);
    expect(NameLexiconFileSchema.safeParse(stored).success).toBe(true);
    for (const broken of [
      { ...stored, values: [...stored.values.slice(1), 256] },
      { ...stored, keyGaps: [-1, ...stored.keyGaps.slice(1)] },
      { ...stored, keyGaps: [0.5] },
      { ...stored, values: 'none' },
    ]) {
      const parsed = NameLexiconFileSchema.safeParse(broken);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.message).toMatch(/expected an array of integers from 0/u);
    }
  });

  it('changes the features of the words of a known name, whatever their case, and only theirs', () => {
    const lexicon = lexiconOver(table, SEED, 3);
    const hashing = { buckets: 1 << 14, seed: 3 };
    const sentence = ['the', 'harbor', 'point', 'council', 'met', 'in', 'lisbon'];
    const [withLexicon] = extractFeatures([sentence], hashing, lexicon);
    const [without] = extractFeatures([sentence], hashing);
    const row = (ids: Int32Array | undefined, t: number) => Array.from(ids!.slice(t * FEATURES_PER_TOKEN, (t + 1) * FEATURES_PER_TOKEN));
    for (const t of [1, 2, 3, 6]) expect(row(withLexicon, t)).not.toEqual(row(without, t));
    expect(row(withLexicon, 4)).not.toEqual(row(without, 4)); // "met" sees a name end before it
    expect(row(withLexicon, 0)).not.toEqual(row(without, 0)); // "the" sees one start after it
  });
});
