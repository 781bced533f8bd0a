import type { Span } from '../../../../shared/protocol/results';
import type { Tensor, TensorRunner } from '../../../../shared/lite/tensor-runner';
import { type BiasClassifierV1Config as BiasClassifierConfig, padFeatureId } from './bias-classifier-v1-config';
import { paddedFeatureTensors } from '../../../../shared/lite/bias-classifier/score-loaded-words';
import { extractBiasFeatures, type SentenceFeatures } from './extract-bias-features';

/** One sentence scored by the classifier. */
export interface ScoredSentence {
  readonly sentence: Span;
  readonly features: SentenceFeatures;
  /** Probability that the sentence reads as biased, in [0, 1]. */
  readonly probability: number;
  /** Per-feature contribution to the logit, aligned with `features.ids`. */
  readonly contributions: Float32Array;
}

/** Sentences per ONNX run: a page is a few runs, and one run's tensors stay a few MB at most. */
const BATCH = 128;

/**
 * Scores every sentence of `text` with the bias classifier: features are padded with the
 * all-zero pad id into `[sentences, features]` tensors and run in batches; the model returns
 * each sentence's probability and every feature's contribution (weight × value).
 */
export async function scoreBiasSentences(
  runner: TensorRunner,
  config: BiasClassifierConfig,
  text: string,
  sentences: readonly Span[],
): Promise<ScoredSentence[]> {
  const scored: ScoredSentence[] = [];
  for (let from = 0; from < sentences.length; from += BATCH) {
    const batch = sentences.slice(from, from + BATCH);
    const features = batch.map((sentence) => extractBiasFeatures(text, sentence, config));
    const { feeds, width } = paddedFeatureTensors(features, padFeatureId(config));
    const outputs = await runner.run(config.modelId, feeds);
    const probability = floatOutput(outputs, 'probability', [batch.length], config.modelId);
    const contributions = floatOutput(outputs, 'contributions', [batch.length, width], config.modelId);
    batch.forEach((sentence, row) => {
      scored.push({
        sentence,
        features: features[row]!,
        probability: probability[row] ?? 0,
        contributions: contributions.slice(row * width, row * width + features[row]!.ids.length),
      });
    });
  }
  return scored;
}

function floatOutput(outputs: Record<string, Tensor>, name: string, dims: readonly number[], modelId: string): Float32Array {
  const tensor = outputs[name];
  if (!tensor || !(tensor.data instanceof Float32Array) || tensor.dims.join(',') !== dims.join(',')) {
    const got = tensor ? `${tensor.type} [${tensor.dims.join(', ')}]` : 'nothing';
    throw new Error(
      `bias model "${modelId}" returned ${got} for "${name}", expected float32 [${dims.join(', ')}] — ` +
        'the ONNX file does not match classifier-config.json; rebuild both with `npx tsx models/training/bias/train-bias.ts`',
    );
  }
  return tensor.data;
}
