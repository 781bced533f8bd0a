import type { BiasFlag, Span } from '../../protocol/results';
import type { BiasModel } from '../lite-models';
import type { TensorRunner } from '../tensor-runner';
import { attributeBiasCues } from './attribute-bias-cues';
import type { BiasClassifierConfig } from './bias-classifier-config';
import { describeModelFlag } from './describe-model-flag';
import { scoreBiasSentences } from './score-bias-sentences';

/**
 * The trained lite bias classifier as a {@link BiasModel}. Every sentence is scored in batched
 * ONNX runs; each sentence at or above `config.threshold` becomes one flag spanning the
 * sentence, scored by its probability, whose cues are the words the model run credits most
 * (see {@link attributeBiasCues}), with a category from Loupe's cue lexicon, a plain
 * explanation naming the cues and, where the lexicon has one, a neutral rewording. A sentence
 * over the threshold with no content word pushing it up (the bias term alone) is not flagged:
 * there would be nothing to show the reader.
 */
export function createBiasModel(runner: TensorRunner, config: BiasClassifierConfig): BiasModel {
  return {
    id: config.modelId,
    backend: runner.backend,
    async flag(text: string, sentences: readonly Span[]): Promise<BiasFlag[]> {
      const scored = await scoreBiasSentences(runner, config, text, sentences);
      return scored.flatMap((sentence) => {
        if (sentence.probability < config.threshold) return [];
        const cues = attributeBiasCues(sentence, config);
        return cues.length > 0 ? [describeModelFlag(text, sentence, cues)] : [];
      });
    },
  };
}
