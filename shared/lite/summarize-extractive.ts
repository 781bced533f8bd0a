import type { Span, SummarySentence } from '../protocol/results';
import { cosine, dot, norm, sentenceVectors, type TermVector } from './sentence-vectors';
import { DEFAULT_SUMMARY_PARAMS, SummaryParamsSchema, type SummaryParams } from './summary-params';

export { DEFAULT_SUMMARY_PARAMS, SummaryParamsSchema, type SummaryParams };

/** Options of {@link summarizeExtractive}. */
export interface SummarizeOptions {
  /** How many key points to keep; default {@link keyPointCount} (fewer when the text has fewer sentences). */
  count?: number;
  /** Overrides of {@link DEFAULT_SUMMARY_PARAMS}. */
  params?: Partial<SummaryParams>;
}

/** Fewest and most key points a page gets. */
const MIN_POINTS = 3;
const MAX_POINTS = 7;
/** A page of this many words gets MIN_POINTS; each doubling adds one. */
const WORDS_FOR_MIN_POINTS = 600;
/** From this many points on, the page is split into that many parts and each part gives one. */
const SECTIONED_FROM = 5;

/**
 * How many key points a page of these sentences deserves: 3 up to about 1,200 words, one more
 * for each doubling of its length, 7 at most (and never more than its sentences).
 */
export function keyPointCount(sentences: readonly Span[]): number {
  let words = 0;
  for (const sentence of sentences) words += sentence.text.split(/\s+/u).filter(Boolean).length;
  const grown = MIN_POINTS + Math.max(0, Math.floor(Math.log2(words / WORDS_FOR_MIN_POINTS)));
  return Math.min(MAX_POINTS, grown, sentences.length);
}

/**
 * Picks the key sentences of `text` in time linear in its length: each sentence's salience is
 * its TF-IDF cosine to the page's centroid (what the page is mostly about), times a lead boost
 * that fades over the first sentences and penalties for very short, very long and unpunctuated
 * sentences; picks then follow maximal marginal relevance against the points already kept, so
 * near-repeats are skipped. Long pages (5 points or more) are split into as many parts of equal
 * length and give one point each, so the points cover the whole page. Returns them in document
 * order, `score` scaled so the most salient sentence of the page scores 1.
 */
export function summarizeExtractive(text: string, sentences: readonly Span[], options: SummarizeOptions = {}): SummarySentence[] {
  const params = SummaryParamsSchema.parse({ ...DEFAULT_SUMMARY_PARAMS, ...options.params });
  const count = Math.min(options.count ?? keyPointCount(sentences), sentences.length);
  if (count <= 0) return [];
  const { vectors, wordCounts } = sentenceVectors(sentences);
  const centroid = centroidOf(vectors);
  const centroidNorm = norm(centroid) || 1;
  const salience = vectors.map(
    (vector, i) =>
      (dot(vector, centroid) / ((norm(vector) || 1) * centroidNorm)) *
      positionPrior(i, params) *
      lengthFactor(wordCounts[i] ?? 0, params) *
      (/[.!?…]["'”’)\]]*$/u.test(sentences[i]?.text ?? '') ? 1 : params.fragmentFactor),
  );
  const topSalience = Math.max(...salience) || 1;
  const sections = count >= SECTIONED_FROM ? sectionsOf(wordCounts, count) : [{ from: 0, to: sentences.length }];
  const picked = sections.flatMap(({ from, to }, s) =>
    selectByMmr(salience, vectors, from, to, sections.length > 1 ? 1 : count, params, s),
  );
  return picked
    .sort((a, b) => a - b)
    .map((index) => {
      const sentence = sentences[index] as Span;
      const score = Math.min(1, Math.max(0, (salience[index] ?? 0) / topSalience));
      return { start: sentence.start, end: sentence.end, text: text.slice(sentence.start, sentence.end), score };
    });
}

/**
 * Indices of the top sentences by salience, best first: the summary's ranking. `count`
 * sentences at most, near-repeats skipped; used to score "the top three" against Lead-3.
 */
export function rankKeyPoints(
  text: string,
  sentences: readonly Span[],
  count: number,
  params: Partial<SummaryParams> = {},
): SummarySentence[] {
  return summarizeExtractive(text, sentences, { count: Math.min(count, SECTIONED_FROM - 1), params });
}

function centroidOf(vectors: readonly TermVector[]): TermVector {
  const centroid = new Map<string, number>();
  for (const vector of vectors) for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight);
  return centroid;
}

function positionPrior(index: number, params: SummaryParams): number {
  return 1 + params.positionWeight * Math.exp(-index / params.positionDecay);
}

function lengthFactor(words: number, params: SummaryParams): number {
  if (words < params.minWords) return (words / params.minWords) ** 2;
  if (words > params.maxWords) return params.maxWords / words;
  return 1;
}

/** `parts` runs of consecutive sentences holding about equal numbers of words. */
function sectionsOf(wordCounts: readonly number[], parts: number): { from: number; to: number }[] {
  const total = wordCounts.reduce((sum, n) => sum + n, 0);
  const sections: { from: number; to: number }[] = [];
  let from = 0;
  let seen = 0;
  for (let i = 0; i < wordCounts.length; i++) {
    seen += wordCounts[i] ?? 0;
    const left = wordCounts.length - i - 1;
    if (sections.length < parts - 1 && seen >= (total * (sections.length + 1)) / parts && left >= parts - sections.length - 1) {
      sections.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  sections.push({ from, to: wordCounts.length });
  return sections.filter((s) => s.to > s.from);
}

/**
 * Greedy maximal marginal relevance over sentences [from, to): each pick maximises salience
 * minus similarity to the points kept so far, and candidates too similar to a kept point are
 * skipped. Compares each candidate with the few kept points only, never with every sentence.
 */
function selectByMmr(
  salience: readonly number[],
  vectors: readonly TermVector[],
  from: number,
  to: number,
  count: number,
  params: SummaryParams,
  _section: number,
): number[] {
  const kept: number[] = [];
  let top = 0;
  for (let i = from; i < to; i++) top = Math.max(top, salience[i] ?? 0);
  top ||= 1;
  while (kept.length < count) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = from; i < to; i++) {
      if (kept.includes(i)) continue;
      let overlap = 0;
      for (const k of kept) overlap = Math.max(overlap, cosine(vectors[i] as TermVector, vectors[k] as TermVector));
      if (overlap >= params.duplicateThreshold) continue;
      const value = params.mmrLambda * ((salience[i] ?? 0) / top) - (1 - params.mmrLambda) * overlap;
      if (value > bestValue) [best, bestValue] = [i, value];
    }
    if (best < 0) break;
    kept.push(best);
  }
  return kept;
}
