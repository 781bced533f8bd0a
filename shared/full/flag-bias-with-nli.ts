import {
  biasedScore,
  NLI_BIAS_HYPOTHESIS,
  NLI_BIAS_LABELS,
  NLI_BIAS_THRESHOLD,
  nliBiasResult,
  nliCandidateSentences,
  nliCategoryFlags,
  NLI_CATEGORY_HYPOTHESES,
} from '../lite/nli-bias-flags';
import { LoupeError } from '../protocol/errors';
import type { PageHints } from '../protocol/page-hints';
import type { Bias, BiasFlag } from '../protocol/results';
import type { AbortSignalLike, FullProgress, FullRuntime } from './full-runtime';

/** Options of {@link flagBiasWithNli}. */
export interface NliBiasOptions {
  /** Checked between batches: a cancelled request stops with a `cancelled` error. */
  signal?: AbortSignalLike;
  /** Called after each batch, stage `bias`, counting sentences. */
  onProgress?: (progress: FullProgress) => void;
  /** Sentences classified per model run (default 1: progress and cancellation per sentence). */
  batchSize?: number;
  /** What the capture knows about the page: only its own statements are judged, as in lite. */
  page?: PageHints;
}

/**
 * Bias flags decided by the zero-shot NLI model: every sentence is classified biased or neutral,
 * the biased ones again against Loupe's categories, and the decision (which sentences are
 * judged, threshold, category, which words to show, the note on unexplained sentences) is
 * shared/lite/nli-bias-flags'. Returns `lite` unchanged when no sentence is judged.
 */
export async function flagBiasWithNli(runtime: FullRuntime, text: string, lite: Bias, options: NliBiasOptions = {}): Promise<Bias> {
  const sentences = nliCandidateSentences(text, lite, options.page);
  if (sentences.length === 0) return lite;
  const model = await runtime.model('bias');
  const batchSize = Math.max(1, options.batchSize ?? 1);
  const flags: BiasFlag[] = [];
  let unexplained = 0;
  for (let from = 0; from < sentences.length; from += batchSize) {
    if (options.signal?.aborted)
      throw new LoupeError('cancelled', 'Bias analysis cancelled: the tab was closed or the request was withdrawn.');
    const batch = sentences.slice(from, from + batchSize);
    const results = await model.classify(
      batch.map((s) => s.text),
      NLI_BIAS_LABELS,
      NLI_BIAS_HYPOTHESIS,
    );
    const modelId = runtime.provenance('bias').model;
    // Only the sentences rated biased are asked the second question: which category.
    const biased = batch.filter((_, i) => biasedScore(results[i]) >= NLI_BIAS_THRESHOLD);
    const categories =
      biased.length > 0
        ? await model.classify(
            biased.map((s) => s.text),
            NLI_CATEGORY_HYPOTHESES,
            NLI_BIAS_HYPOTHESIS,
          )
        : [];
    for (const [i, sentence] of batch.entries()) {
      const score = biasedScore(results[i]);
      const found = nliCategoryFlags(text, sentence, score, categories[biased.indexOf(sentence)], modelId, lite);
      if (score >= NLI_BIAS_THRESHOLD && found.length === 0) unexplained++;
      flags.push(...found);
    }
    options.onProgress?.({ stage: 'bias', completed: from + batch.length, total: sentences.length });
  }
  return nliBiasResult(flags, unexplained, runtime.provenance('bias'));
}
