import { z } from 'zod';

/** Tunable knobs of {@link summarizeExtractive}; a tuning script can search over them. */
export const SummaryParamsSchema = z.strictObject({
  /** PageRank damping: share of a sentence's score that flows from similar sentences. */
  damping: z.number().min(0).max(1),
  /** Power iterations over the sentence graph. */
  iterations: z.number().int().min(1).max(200),
  /** Boost for early sentences: the first gets `1 + positionWeight`, the last `1`. Keep mild. */
  positionWeight: z.number().min(0).max(2),
  /** Sentences with fewer words than this are penalised (headings, captions, "Really?"). */
  minWords: z.number().int().min(1),
  /** Sentences with more words than this are penalised (run-ons, lists flattened to text). */
  maxWords: z.number().int().min(1),
  /** Multiplier for lines without closing punctuation (headlines, labels, captions cut short). */
  fragmentFactor: z.number().min(0).max(1),
  /** MMR trade-off: 1 ranks by salience alone, lower values prefer sentences unlike those kept. */
  mmrLambda: z.number().min(0).max(1),
  /** Cosine similarity above which a candidate counts as a repeat of a kept sentence. */
  duplicateThreshold: z.number().min(0).max(1),
});
export type SummaryParams = z.infer<typeof SummaryParamsSchema>;

/** Defaults chosen by hand on Loupe's fixture pages; see test/shared/lite. */
export const DEFAULT_SUMMARY_PARAMS: SummaryParams = {
  damping: 0.85,
  iterations: 30,
  positionWeight: 0.2,
  minWords: 6,
  maxWords: 45,
  fragmentFactor: 0.6,
  mmrLambda: 0.75,
  duplicateThreshold: 0.7,
};
