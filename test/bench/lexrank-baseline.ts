import type { Span } from '../../shared/protocol/results';
import { cosine, sentenceVectors } from '../../shared/lite/sentence-vectors';

/**
 * The summary's former centrality, kept here only as the bench's baseline: a full n × n cosine
 * matrix over all sentences and 30 power iterations of LexRank over it (time and memory grow
 * with the square of the page). Returns the index of the most central sentence.
 */
export function lexRankBaseline(sentences: readonly Span[]): number {
  const { vectors } = sentenceVectors(sentences);
  const n = vectors.length;
  const similarity = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const rowSums = similarity.map((row) => row.reduce((sum, value) => sum + value, 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < 30; iteration++) {
    const next = new Array<number>(n).fill(0.35 / n);
    similarity.forEach((row, j) => {
      const mass = 0.65 * (scores[j] ?? 0);
      for (let i = 0; i < n; i++)
        next[i] = (next[i] ?? 0) + ((rowSums[j] ?? 0) > 0 ? mass * ((row[i] ?? 0) / (rowSums[j] ?? 1)) : mass / n);
    });
    scores = next;
  }
  return scores.indexOf(Math.max(...scores));
}
