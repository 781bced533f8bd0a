import { biasedScore, NLI_BIAS_LABELS, nliBiasResult, nliCandidateSentences, nliSentenceFlags, NLI_BIAS_THRESHOLD } from '../../shared/lite/nli-bias-flags';
import type { PageHints } from '../../shared/protocol/page-hints';
import type { Bias, BiasFlag } from '../../shared/protocol/results';
import { LoupeError } from '../../shared/protocol/errors';
import type { FullEngine } from '../full/full-engine';
import type { Progress } from '../server/replies';

export { NLI_BIAS_THRESHOLD };

/**
 * Bias flags decided by the zero-shot NLI model, one sentence at a time so progress (stage
 * `bias`) and cancellation work per sentence; the decision rules live in shared/lite/nli-bias-flags.
 */
export async function flagBiasWithNli(
  engine: FullEngine, text: string, lite: Bias, signal: AbortSignal, onProgress?: (progress: Progress) => void, page?: PageHints,
): Promise<Bias> {
  const flags: BiasFlag[] = [];
  let unexplained = 0;
  let provenance: Bias['provenance'] | undefined;
  const sentences = nliCandidateSentences(text, lite, page);
  for (const [index, sentence] of sentences.entries()) {
    if (signal.aborted) throw new LoupeError('cancelled', 'Bias analysis cancelled: the tab was closed or the request was withdrawn.');
    const result = await engine.classify(sentence.text, [...NLI_BIAS_LABELS]);
    onProgress?.({ stage: 'bias', completed: index + 1, total: sentences.length });
    provenance = result.provenance;
    const score = biasedScore(result);
    const found = nliSentenceFlags(text, sentence, score, result.provenance.model, lite);
    if (score >= NLI_BIAS_THRESHOLD && found.length === 0) unexplained++;
    flags.push(...found);
  }
  return provenance ? nliBiasResult(flags, unexplained, provenance) : lite;
}
