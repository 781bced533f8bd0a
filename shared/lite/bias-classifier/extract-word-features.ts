import type { BiasClassifierConfig } from './bias-classifier-config';
import { hashFeature } from './hash-feature';
import type { SentenceWord } from './sentence-words';

/** Sparse features of one word: parallel ids and values. */
export interface WordFeatures {
  readonly ids: readonly number[];
  readonly values: readonly number[];
}

type FeatureSettings = Pick<BiasClassifierConfig, 'hashSize' | 'hashSeed' | 'charNgrams' | 'charValue' | 'contextValue'>;

/**
 * The features of word `index` of a sentence, identically at training and inference: the word
 * and its stem, its character n-grams (so "slamming" shares evidence with "slammed"), when
 * `contextValue` is above 0 the words just before and after it (masked names as `<m>`), whether
 * it is quoted, and the lexicon category it belongs to. Ids are hashed into `[0, hashSize)`; a later duplicate keeps the
 * larger value.
 */
export function extractWordFeatures(words: readonly SentenceWord[], index: number, config: FeatureSettings): WordFeatures {
  const features = new Map<number, number>();
  const add = (key: string, value: number): void => {
    if (value <= 0) return;
    const id = hashFeature(key, config.hashSeed, config.hashSize);
    features.set(id, Math.max(value, features.get(id) ?? 0));
  };
  const word = words[index];
  if (!word) return { ids: [], values: [] };
  add(`w:${word.lower}`, 1);
  add(`s:${word.stem}`, 1);
  if (config.charNgrams) {
    const bounded = `<${word.lower}>`;
    for (let n = config.charNgrams.min; n <= config.charNgrams.max; n++) {
      for (let i = 0; i + n <= bounded.length; i++) add(`c:${bounded.slice(i, i + n)}`, config.charValue);
    }
  }
  add(`p:${neighbour(words[index - 1], '<s>')}`, config.contextValue);
  add(`n:${neighbour(words[index + 1], '</s>')}`, config.contextValue);
  if (word.quoted) add('quoted', 1);
  if (word.lexicon) add(`lex:${word.lexicon}`, 1);
  return { ids: [...features.keys()], values: [...features.values()] };
}

function neighbour(word: SentenceWord | undefined, edge: string): string {
  if (!word) return edge;
  return word.masked ? '<m>' : word.lower;
}
