import type { FullModels, FullRuntime, FullTask } from '../../../shared/full/full-runtime';
import type { Provenance } from '../../../shared/protocol/results';

export const FAKE_MODEL_IDS: Record<FullTask, string> = {
  summary: 'Xenova/distilbart-cnn-6-6',
  entities: 'Xenova/bert-base-NER',
  caption: 'Mozilla/distilvit',
  bias: 'Xenova/nli-deberta-v3-xsmall',
};

export const fakeProvenance = (task: FullTask, engine: Provenance['engine'] = 'daemon'): Provenance => ({
  engine,
  tier: 'full',
  model: FAKE_MODEL_IDS[task],
  backend: 'cpu',
});

const unexpected = (task: FullTask) => async (): Promise<never> => {
  throw new Error(`the fake runtime has no ${task} model`);
};

/** A runtime whose models are `models` (the others fail loudly when asked for), recording every classify batch. */
export function fakeFullRuntime(
  models: Partial<FullModels>,
  engine: Provenance['engine'] = 'daemon',
): FullRuntime & { batches: string[][] } {
  const batches: string[][] = [];
  const bias = models.bias;
  const all: Partial<FullModels> = {
    ...models,
    ...(bias
      ? {
          bias: {
            classify: (texts, labels, template) => {
              batches.push([...texts]);
              return bias.classify(texts, labels, template);
            },
          },
        }
      : {}),
  };
  return {
    batches,
    async model<T extends FullTask>(task: T): Promise<FullModels[T]> {
      const model = all[task];
      if (!model) return unexpected(task)();
      return model as FullModels[T];
    },
    provenance: (task) => fakeProvenance(task, engine),
  };
}

/** An NLI model that rates each sentence by a table (probability of "biased"), or by `rate` for others. */
export function ratingClassifier(scores: Record<string, number>, rate: (text: string) => number = () => 0): FullModels['bias'] {
  return {
    async classify(texts, labels) {
      return texts.map((text) => {
        const biased = scores[text] ?? rate(text);
        return { labels: [...labels], scores: labels.map((l) => (l === 'biased' ? biased : 1 - biased)) };
      });
    },
  };
}
