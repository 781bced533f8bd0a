import type { FullModels, FullRuntime, FullTask, TokenTag } from '../../shared/full/full-runtime';
import { LoupeError } from '../../shared/protocol/errors';
import type { Provenance } from '../../shared/protocol/results';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { createBatchQueue } from './batch-queue';
import { defaultDtype, type FullDevice, type FullDtype } from './full-types';
import { createModelSlots, type LoadedSlot } from './model-slots';
import { pickModelWeights } from './model-weights';
import type { Captioner, Summarizer, TokenClassifier, TransformersRuntime, ZeroShotClassifier } from './transformers-runtime';

export interface NodeFullRuntimeOptions {
  ids: Readonly<Record<FullTask, string>>;
  resolveModel: (id: string) => Promise<string>;
  device: FullDevice;
  dtype?: FullDtype;
  transformers: TransformersRuntime;
  logger: Logger;
  clock: Clock;
  idleMs: number;
  memoryBudgetBytes: number;
  maxBatch: number;
  provenanceEngine: Provenance['engine'];
}

/** The daemon's full runtime, with its slots exposed for `GET /` and the idle sweep. */
export interface NodeFullRuntime extends FullRuntime {
  loaded(): LoadedSlot[];
  evictIdle(): Promise<string[]>;
  close(): Promise<void>;
}

type AnyModel = TokenClassifier | Summarizer | Captioner | ZeroShotClassifier;

/**
 * transformers.js on onnxruntime-node as a {@link FullRuntime}: models load on first use from the
 * model store, one run at a time per model, least recently used first out of the memory budget;
 * token classification is micro-batched across concurrent requests.
 */
export function createNodeFullRuntime(options: NodeFullRuntimeOptions): NodeFullRuntime {
  const { ids, device, transformers, logger } = options;
  const taskOf = new Map(Object.entries(ids).map(([task, id]) => [id, task as FullTask]));
  const dtypes = new Map<string, FullDtype>();
  const loaders: Record<FullTask, (dir: string, dtype: FullDtype) => Promise<AnyModel>> = {
    summary: (dir, dtype) => transformers.loadSummarizer(dir, { device, dtype }),
    entities: (dir, dtype) => transformers.loadTokenClassifier(dir, { device, dtype }),
    caption: (dir, dtype) => transformers.loadCaptioner(dir, { device, dtype }),
    bias: (dir, dtype) => transformers.loadZeroShotClassifier(dir, { device, dtype }),
  };
  const slots = createModelSlots<AnyModel>(
    {
      async measure(id) {
        const weights = await pickModelWeights(await options.resolveModel(id), options.dtype ?? defaultDtype(device));
        dtypes.set(id, weights.dtype);
        return weights.sizeBytes;
      },
      async load(id) {
        const task = taskOf.get(id);
        if (!task) throw new LoupeError('unknown-task', `${id} is not a full-tier model Loupe runs.`);
        const model = await loaders[task](await options.resolveModel(id), dtypes.get(id) ?? 'q8');
        if (task === 'summary' && !(model as Summarizer).hasPastKeyValues) {
          await model.dispose();
          throw new LoupeError(
            'model-corrupt',
            `${id}'s decoder has no past key values: transformers.js feeds such a decoder only the last token, so its summaries would be garbage — run \`loupe models pull ${id}\` to get the export with decoder_model_merged.onnx.`,
          );
        }
        return model;
      },
      dispose: (model) => model.dispose(),
    },
    { idleMs: options.idleMs, memoryBudgetBytes: options.memoryBudgetBytes, clock: options.clock, logger },
  );

  const run = <M extends AnyModel, R>(task: FullTask, fn: (m: M) => Promise<R>) => slots.run(ids[task], (m) => fn(m as M));
  const tagQueue = createBatchQueue<string, TokenTag[]>(
    (texts) => run<TokenClassifier, TokenTag[][]>('entities', (m) => m.tag(texts)),
    options.maxBatch,
  );

  const handles: { [T in FullTask]: (loaded: AnyModel) => FullModels[T] } = {
    entities: (m) => ({
      maxInputTokens: m.maxInputTokens,
      countTokens: (text) => m.countTokens(text),
      tag: (texts) => Promise.all(texts.map((text) => tagQueue.push(text))),
    }),
    summary: (m) => ({
      maxInputTokens: m.maxInputTokens,
      countTokens: (text) => m.countTokens(text),
      // The daemon always passes its requests' AbortSignal, which can interrupt generation.
      summarize: (text, o) =>
        run<Summarizer, string>('summary', (s) =>
          s.summarize(text, { maxNewTokens: o.maxNewTokens, ...(o.signal ? { signal: o.signal as AbortSignal } : {}) }),
        ),
    }),
    caption: () => ({ caption: (image) => run<Captioner, string>('caption', (c) => c.caption(image)) }),
    bias: () => ({
      classify: (texts, labels, template) =>
        run<ZeroShotClassifier, Awaited<ReturnType<ZeroShotClassifier['classify']>>>('bias', (z) =>
          z.classify([...texts], [...labels], template),
        ),
    }),
  };

  return {
    async model<T extends FullTask>(task: T): Promise<FullModels[T]> {
      return handles[task](await slots.get(ids[task]));
    },
    provenance: (task) => ({ engine: options.provenanceEngine, tier: 'full', model: ids[task], backend: device }),
    loaded: () => slots.loaded(),
    evictIdle: () => slots.evictIdle(),
    close: () => slots.close(),
  };
}
