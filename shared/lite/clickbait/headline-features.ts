import { tokenizeWords } from '../../text/tokenize-words';
import type { ClickbaitHead } from '../bias-classifier/bias-classifier-config';
import { hashFeature } from '../bias-classifier/hash-feature';
import type { WordFeatures } from '../bias-classifier/extract-word-features';

/** The words of a title, lower-cased, numbers as `<num>`. */
export function headlineWords(title: string): string[] {
  return tokenizeWords(title)
    .filter((t) => /[\p{L}\p{N}]/u.test(t.text))
    .map((t) => (/^\p{N}/u.test(t.text) ? '<num>' : t.text.toLowerCase().replace(/’/gu, "'")));
}

/**
 * Features of a page title for the clickbait head, identically at training and inference:
 * its words and word pairs, its first word, whether it ends in a question or exclamation mark,
 * and its length, each hashed into the head's id range, plus the head's intercept. `known`
 * (training only) keeps the words frequent enough to learn from, so rare words — names and
 * topics — carry no weight.
 */
export function headlineFeatures(
  title: string,
  head: ClickbaitHead,
  seed: number,
  known: (word: string) => boolean = () => true,
): WordFeatures {
  const features = new Map<number, number>([[head.interceptId, 1]]);
  const add = (key: string): void => {
    features.set(head.offset + hashFeature(key, seed, head.size), 1);
  };
  const words = headlineWords(title).map((w) => (known(w) ? w : '<rare>'));
  words.forEach((word, i) => {
    if (word !== '<rare>') add(`u:${word}`);
    if (i > 0 && (word !== '<rare>' || words[i - 1] !== '<rare>')) add(`b:${words[i - 1]} ${word}`);
  });
  add(`f:${words[0] ?? '<none>'}`);
  const end = title.trim().at(-1);
  if (end === '?' || end === '!') add(`end:${end}`);
  add(`len:${Math.min(6, Math.floor(words.length / 3))}`);
  return { ids: [...features.keys()], values: [...features.values()] };
}
