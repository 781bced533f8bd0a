import { SummaryParamsSchema, type SummaryParams } from '../../../shared/lite/summarize-extractive';
import { lead3Scores, loupeScores, type PreparedArticle } from './evaluate-summary';
import { meanRouge, type RougeScores } from './rouge';
import { seededRandom } from '../seeded-random';

const round = (value: number, step: number) => Number((Math.round(value / step) * step).toFixed(4));
const between = (random: () => number, low: number, high: number, step: number) => round(low + random() * (high - low), step);

/** One random point of the search space. */
export function sampleParams(random: () => number): SummaryParams {
  return SummaryParamsSchema.parse({
    positionWeight: between(random, 0, 3, 0.1),
    positionDecay: between(random, 1, 20, 0.5),
    minWords: Math.round(between(random, 3, 14, 1)),
    maxWords: Math.round(between(random, 25, 80, 5)),
    fragmentFactor: between(random, 0.2, 1, 0.05),
    mmrLambda: between(random, 0.5, 1, 0.05),
    duplicateThreshold: between(random, 0.4, 0.95, 0.05),
  });
}

/**
 * A grid over the lead boost (weight × how long it lasts) and the short-sentence penalty, the
 * knobs that trade news against other pages; the rest stay at `base`. Tried before the random points.
 */
export function gridParams(base: SummaryParams): SummaryParams[] {
  return [0.8, 1, 1.2, 1.5].flatMap((positionWeight) =>
    [2, 3, 4, 6].flatMap((positionDecay) => [10, 12].map((minWords) => ({ ...base, positionWeight, positionDecay, minWords }))),
  );
}

/** How far a summary's ROUGE-1, ROUGE-2 and ROUGE-L F1 are ahead of Lead-3's. */
const lead = (s: RougeScores, lead3: RougeScores) => [s.r1 - lead3.r1, s.r2 - lead3.r2, s.rl - lead3.rl];

export interface SearchOptions {
  readonly trials: number;
  readonly seed: number;
  /** A would-be best candidate for which this returns false is skipped (e.g. a lead-share guard). */
  readonly accept?: (params: SummaryParams) => boolean;
  /** Points tried before the random ones (a grid). */
  readonly first?: readonly SummaryParams[];
}

export interface SearchResult {
  readonly params: SummaryParams;
  /** Mean ROUGE per corpus, in the order given. */
  readonly scores: RougeScores[];
  readonly tried: number;
  readonly rejected: number;
}

/**
 * Seeded random search over SummaryParams on some corpora. A candidate is worth its smallest
 * lead over Lead-3 across the corpora and the three ROUGE measures, so a big gain on one cannot
 * pay for falling behind Lead-3 on another. The guard (`accept`) is only asked about a candidate that would become the
 * new best, since it can cost more than scoring.
 */
export function searchParams(corpora: readonly (readonly PreparedArticle[])[], options: SearchOptions): SearchResult {
  const random = seededRandom(options.seed);
  let best: { params: SummaryParams; scores: RougeScores[]; value: number } | null = null;
  let rejected = 0;
  const lead3 = corpora.map((articles) => meanRouge(lead3Scores(articles)));
  const first = options.first ?? [];
  for (let trial = 0; trial < first.length + options.trials; trial++) {
    const params = first[trial] ?? sampleParams(random);
    const scores = corpora.map((articles) => meanRouge(loupeScores(articles, params)));
    const value = Math.min(...scores.flatMap((s, i) => lead(s, lead3[i]!)));
    if (best && value <= best.value) continue;
    if (options.accept && !options.accept(params)) rejected++;
    else best = { params, scores, value };
  }
  if (!best) throw new Error('every candidate was rejected by the guard; loosen it or raise --trials');
  return { params: best.params, scores: best.scores, tried: first.length + options.trials, rejected };
}
