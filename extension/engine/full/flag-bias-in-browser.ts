import {
  biasedScore, NLI_BIAS_HYPOTHESIS, NLI_BIAS_LABELS, nliBiasResult, nliCandidateSentences, nliSentenceFlags, NLI_BIAS_THRESHOLD,
} from '../../../shared/lite/nli-bias-flags';
import type { PageHints } from '../../../shared/protocol/page-hints';
import type { Bias, BiasFlag } from '../../../shared/protocol/results';
import type { FullClassifyReply } from './full-engine-protocol';

export { NLI_BIAS_THRESHOLD };

type Classify = (texts: string[], labels: string[], hypothesisTemplate: string) => Promise<FullClassifyReply>;

/**
 * The daemon's NLI bias decision (shared/lite/nli-bias-flags), with every sentence classified
 * in one batch: one message to the offscreen document instead of one per sentence.
 */
export async function flagBiasInBrowser(text: string, lite: Bias, classify: Classify, page?: PageHints): Promise<Bias> {
  const sentences = nliCandidateSentences(text, lite, page);
  if (sentences.length === 0) return lite;
  const { results, provenance } = await classify(sentences.map((s) => s.text), [...NLI_BIAS_LABELS], NLI_BIAS_HYPOTHESIS);
  const flags: BiasFlag[] = [];
  let unexplained = 0;
  for (const [index, sentence] of sentences.entries()) {
    const score = biasedScore(results[index]);
    const found = nliSentenceFlags(text, sentence, score, provenance.model, lite);
    if (score >= NLI_BIAS_THRESHOLD && found.length === 0) unexplained++;
    flags.push(...found);
  }
  return nliBiasResult(flags, unexplained, provenance);
}
