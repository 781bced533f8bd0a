import type { BiasFlag, Span } from '../../protocol/results';
import { headlineFeatures } from '../clickbait/headline-features';
import type { BiasModel } from '../lite-models';
import type { TensorRunner } from '../tensor-runner';
import type { BiasClassifierConfig } from './bias-classifier-config';
import { describeModelFlag } from './describe-model-flag';
import { judgeSentence } from './judge-sentence';
import { runRows, scoreLoadedWords } from './score-loaded-words';

/**
 * The trained lite bias model as a {@link BiasModel}. Every candidate word of every sentence
 * is scored in batched ONNX runs (names and numbers are masked first, so they are never
 * scored); a sentence is flagged when its loaded words reach `config.threshold` together, and
 * the flag shows those words as its cues (see {@link describeModelFlag}). The same graph scores
 * page titles for clickbait when the config has a clickbait head.
 */
export function createBiasModel(runner: TensorRunner, config: BiasClassifierConfig): BiasModel {
  const clickbait = config.clickbait;
  return {
    id: config.modelId,
    backend: runner.backend,
    async flag(text: string, sentences: readonly Span[]): Promise<BiasFlag[]> {
      const scored = await scoreLoadedWords(runner, config, text, sentences);
      return scored.flatMap((sentence) => {
        const judged = judgeSentence(sentence, config);
        return judged.flagged ? [describeModelFlag(text, sentence, judged)] : [];
      });
    },
    ...(clickbait && {
      async scoreTitles(titles: readonly string[]) {
        const probabilities = await runRows(
          runner,
          config,
          titles.map((title) => headlineFeatures(title, clickbait, config.hashSeed)),
        );
        return { probabilities, threshold: clickbait.threshold };
      },
    }),
  };
}
