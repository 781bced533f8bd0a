import { segmentSentences } from '../../../shared/text/segment-sentences';
import { createBiasModel } from '../../../shared/lite/bias-classifier/create-bias-model';
import { loadBiasClassifier } from './ort-bias-runner';
import { BIAS_MODEL_DIR } from './bias-paths';

export interface BiasThroughput {
  readonly sentences: number;
  readonly seconds: number;
  readonly sentencesPerSecond: number;
}

/**
 * Sentences per second through the whole lite bias path (features, onnxruntime-node CPU run,
 * cue attribution, explanations) on `text`, repeated `rounds` times after one warm-up run.
 */
export async function measureBiasThroughput(text: string, rounds = 5, modelDir: string = BIAS_MODEL_DIR): Promise<BiasThroughput> {
  const { config, runner } = loadBiasClassifier(modelDir);
  const model = createBiasModel(runner, config);
  const sentences = segmentSentences(text);
  await model.flag(text, sentences);
  const started = performance.now();
  for (let round = 0; round < rounds; round++) await model.flag(text, sentences);
  const seconds = (performance.now() - started) / 1000;
  const total = sentences.length * rounds;
  return { sentences: total, seconds, sentencesPerSecond: seconds > 0 ? total / seconds : 0 };
}
