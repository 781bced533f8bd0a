import type { Span, SummarySentence } from '../protocol/results';
import { cosine, sentenceVectors } from './sentence-vectors';
import { DEFAULT_SUMMARY_PARAMS, SummaryParamsSchema, type SummaryParams } from './summary-params';

export { DEFAULT_SUMMARY_PARAMS, SummaryParamsSchema, type SummaryParams };

/** Options of {@link summarizeExtractive}. */
export interface SummarizeOptions {
  /** How many sentences to keep (default 3, fewer when the text has fewer). */
  count?: number;
  /** Overrides of {@link DEFAULT_SUMMARY_PARAMS}. */
  params?: Partial<SummaryParams>;
}

/**
 * Picks the most central sentences of `text`: LexRank-style power iteration over a TF-IDF
 * cosine graph of `sentences`, times a mild position prior and penalties for very short, very
 * long and unpunctuated (headline-like) sentences, then MMR so
 * near-repeats of a kept sentence are skipped. Returns them in document order, `score` scaled
 * so the most salient sentence of the whole text scores 1.
 */
export function summarizeExtractive(text: string, sentences: readonly Span[], options: SummarizeOptions = {}): SummarySentence[] {
  const params = SummaryParamsSchema.parse({ ...DEFAULT_SUMMARY_PARAMS, ...options.params });
  const count = Math.min(options.count ?? 3, sentences.length);
  if (count <= 0) return [];
  const { vectors, wordCounts } = sentenceVectors(sentences);
  const similarity = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const centrality = lexRank(similarity, params);
  const topCentrality = Math.max(...centrality);
  const salience = centrality.map((value, i) =>
    (value / topCentrality) * positionPrior(i, sentences.length, params) * lengthFactor(wordCounts[i] ?? 0, params) *
    (/[.!?…]["'”’)\]]*$/u.test(sentences[i]?.text ?? '') ? 1 : params.fragmentFactor));
  const topSalience = Math.max(...salience) || 1;
  return selectByMmr(salience, similarity, count, params)
    .sort((a, b) => a - b)
    .map((index) => {
      const sentence = sentences[index] as Span;
      const score = Math.min(1, Math.max(0, (salience[index] ?? 0) / topSalience));
      return { start: sentence.start, end: sentence.end, text: text.slice(sentence.start, sentence.end), score };
    });
}

/** Stationary scores of a random walk over the similarity graph (continuous LexRank). */
function lexRank(similarity: readonly (readonly number[])[], params: SummaryParams): number[] {
  const n = similarity.length;
  const rowSums = similarity.map((row) => row.reduce((sum, value) => sum + value, 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < params.iterations; iteration++) {
    const next = new Array<number>(n).fill((1 - params.damping) / n);
    similarity.forEach((row, j) => {
      const mass = params.damping * (scores[j] ?? 0);
      const rowSum = rowSums[j] ?? 0;
      // A sentence sharing no words with any other spreads its score evenly.
      for (let i = 0; i < n; i++) next[i] = (next[i] ?? 0) + (rowSum > 0 ? mass * ((row[i] ?? 0) / rowSum) : mass / n);
    });
    scores = next;
  }
  return scores;
}

function positionPrior(index: number, total: number, params: SummaryParams): number {
  const fromStart = total > 1 ? index / (total - 1) : 0;
  return 1 + params.positionWeight * (1 - fromStart);
}

function lengthFactor(words: number, params: SummaryParams): number {
  if (words < params.minWords) return (words / params.minWords) ** 2;
  if (words > params.maxWords) return params.maxWords / words;
  return 1;
}

/** Greedy maximal marginal relevance; candidates too similar to a kept sentence are skipped. */
function selectByMmr(salience: readonly number[], similarity: readonly (readonly number[])[], count: number, params: SummaryParams): number[] {
  const kept: number[] = [];
  const top = Math.max(...salience) || 1;
  while (kept.length < count) {
    let best = -1;
    let bestValue = -Infinity;
    salience.forEach((value, i) => {
      if (kept.includes(i)) return;
      const overlap = Math.max(0, ...kept.map((k) => similarity[i]?.[k] ?? 0));
      if (overlap >= params.duplicateThreshold) return;
      const mmr = params.mmrLambda * (value / top) - (1 - params.mmrLambda) * overlap;
      if (mmr > bestValue) [best, bestValue] = [i, mmr];
    });
    if (best < 0) break;
    kept.push(best);
  }
  return kept;
}
