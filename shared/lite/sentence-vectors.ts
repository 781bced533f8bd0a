import type { Span } from '../protocol/results';
import { stemWord } from '../text/stem-word';
import { STOPWORDS } from '../text/stopwords';
import { tokenizeWords } from '../text/tokenize-words';

/** A sparse TF-IDF vector: stem → weight. */
export type TermVector = ReadonlyMap<string, number>;

/** TF-IDF vectors of sentences (IDF over the sentences themselves) plus word counts. */
export interface SentenceVectors {
  readonly vectors: readonly TermVector[];
  /** Word tokens per sentence, stopwords included (for the length penalty). */
  readonly wordCounts: readonly number[];
}

/** Builds TF-IDF vectors over content-word stems, stopwords and punctuation removed. */
export function sentenceVectors(sentences: readonly Span[]): SentenceVectors {
  const bags = sentences.map((sentence) => {
    const words = tokenizeWords(sentence.text)
      .map((t) => t.text)
      .filter((w) => /[\p{L}\p{N}]/u.test(w));
    const terms = words.filter((w) => !STOPWORDS.has(w.toLowerCase())).map(stemWord);
    return { count: words.length, terms };
  });
  const documentFrequency = new Map<string, number>();
  for (const bag of bags) {
    for (const term of new Set(bag.terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = Math.max(1, sentences.length);
  const vectors = bags.map((bag) => {
    const vector = new Map<string, number>();
    for (const term of bag.terms) vector.set(term, (vector.get(term) ?? 0) + 1);
    for (const [term, tf] of vector) {
      vector.set(term, tf * (1 + Math.log(total / (documentFrequency.get(term) ?? 1))));
    }
    return vector;
  });
  return { vectors, wordCounts: bags.map((bag) => bag.count) };
}

/** Cosine similarity of two sparse vectors; 0 when either is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  const product = dot(a, b);
  return product === 0 ? 0 : product / (norm(a) * norm(b));
}

/** Dot product of two sparse vectors, in time linear in the first one's terms. */
export function dot(a: TermVector, b: TermVector): number {
  let sum = 0;
  for (const [term, weight] of a) sum += weight * (b.get(term) ?? 0);
  return sum;
}

/** Euclidean length of a sparse vector. */
export function norm(vector: TermVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}
