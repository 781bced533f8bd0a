import type { Entities, Entity, Provenance, Summary } from '../../shared/protocol/results';
import { LoupeError } from '../../shared/protocol/errors';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../logger';
import { aggregateEntities } from './aggregate-entities';
import { alignTokenTags } from './align-token-tags';
import { createBatchQueue } from './batch-queue';
import { chunkText } from './chunk-text';
import { defaultDtype, type FullDevice, type FullDtype } from './full-types';
import { createModelSlots, type LoadedSlot } from './model-slots';
import { pickModelWeights } from './model-weights';
import { summarizeInChunks, type SummaryProgress } from './summarize-in-chunks';
import { createTransformersRuntime, type Captioner, type Summarizer, type TokenClassifier, type TransformersRuntime, type ZeroShotClassifier } from './transformers-runtime';
import { NLI_BIAS_HYPOTHESIS, NLI_BIAS_LABELS } from '../../shared/lite/nli-bias-flags';

export const FULL_MODEL_IDS = {
  summary: 'Xenova/distilbart-cnn-6-6',
  entities: 'Xenova/bert-base-NER',
  caption: 'Mozilla/distilvit',
  bias: 'Xenova/nli-deberta-v3-xsmall',
} as const;
type FullTask = keyof typeof FULL_MODEL_IDS;

/** Zero-shot hypotheses for bias when the caller names no labels. */
export const DEFAULT_BIAS_LABELS: string[] = [...NLI_BIAS_LABELS];
export const BIAS_HYPOTHESIS_TEMPLATE = NLI_BIAS_HYPOTHESIS;

export interface FullEngineOptions {
  /** The local folder of an installed model (the model store's `resolveModelFiles(id).dir`). */
  resolveModel: (id: string) => Promise<string>;
  device: FullDevice;
  /** Weights to load; default q8 on CPU, fp16 on a GPU (falling back to what the model has). */
  dtype?: FullDtype;
  logger: Logger;
  /** Sum of model file sizes kept loaded; least recently used models go first (default 4 GiB). */
  memoryBudgetBytes?: number;
  /** Models unused this long are unloaded (default 10 minutes). */
  idleMs?: number;
  clock?: Clock;
  runtime?: TransformersRuntime;
  /** Model id per task (default: the catalogue's full-tier models). */
  models?: Partial<Record<FullTask, string>>;
  /** Starts the idle sweep; returns its stop function. Default: an unref'd interval. */
  every?: (ms: number, fn: () => void) => () => void;
  /** Texts tagged or classified in one run at most (default 8). */
  maxBatch?: number;
  /** Tokens a summary may have (default 142, distilbart-cnn's own maximum). */
  maxSummaryTokens?: number;
  provenanceEngine?: Provenance['engine'];
}

export interface LabelScores { labels: string[]; scores: number[]; provenance: Provenance }

export interface FullEngine {
  summarize(text: string, options?: { signal?: AbortSignal; onProgress?: (progress: SummaryProgress) => void }): Promise<Summary>;
  tagEntities(text: string): Promise<Entities>;
  caption(png: Uint8Array): Promise<{ caption: string; provenance: Provenance }>;
  classify(text: string, labels?: string[]): Promise<LabelScores>;
  loaded(): LoadedSlot[];
  evictIdle(): Promise<string[]>;
  close(): Promise<void>;
}

type AnyModel = TokenClassifier | Summarizer | Captioner | ZeroShotClassifier;

function everyUnref(ms: number, fn: () => void): () => void {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/** The full tier: transformers.js models loaded on first use, serialised, batched, evicted when idle. */
export function createFullEngine(options: FullEngineOptions): FullEngine {
  const { device, logger, clock = systemClock, maxBatch = 8, maxSummaryTokens = 142 } = options;
  const runtime = options.runtime ?? createTransformersRuntime();
  const ids: Record<FullTask, string> = { ...FULL_MODEL_IDS, ...options.models };
  const taskOf = new Map(Object.entries(ids).map(([task, id]) => [id, task as FullTask]));
  const dtypes = new Map<string, FullDtype>();
  const idleMs = options.idleMs ?? 10 * 60_000;

  const loaders: Record<FullTask, (dir: string, dtype: FullDtype) => Promise<AnyModel>> = {
    summary: (dir, dtype) => runtime.loadSummarizer(dir, { device, dtype }),
    entities: (dir, dtype) => runtime.loadTokenClassifier(dir, { device, dtype }),
    caption: (dir, dtype) => runtime.loadCaptioner(dir, { device, dtype }),
    bias: (dir, dtype) => runtime.loadZeroShotClassifier(dir, { device, dtype }),
  };
  const slots = createModelSlots<AnyModel>({
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
        throw new LoupeError('model-corrupt', `${id}'s decoder has no past key values: transformers.js feeds such a decoder only the last token, so its summaries would be garbage — run \`loupe models pull ${id}\` to get the export with decoder_model_merged.onnx.`);
      }
      return model;
    },
    dispose: (model) => model.dispose(),
  }, { idleMs, memoryBudgetBytes: options.memoryBudgetBytes ?? 4 * 1024 ** 3, clock, logger });
  const stopSweep = (options.every ?? everyUnref)(Math.min(idleMs, 60_000), () => {
    slots.evictIdle().catch((error: unknown) => logger.error(`idle eviction failed: ${String(error)}`));
  });

  const provenance = (task: FullTask): Provenance => ({ engine: options.provenanceEngine ?? 'daemon', tier: 'full', model: ids[task], backend: device });
  const model = async <M extends AnyModel>(task: FullTask) => (await slots.get(ids[task])) as M;
  const run = <M extends AnyModel, R>(task: FullTask, fn: (m: M) => Promise<R>) => slots.run(ids[task], (m) => fn(m as M));

  const tagQueue = createBatchQueue<string, Entity[]>(async (texts) => {
    const tags = await run<TokenClassifier, Awaited<ReturnType<TokenClassifier['tag']>>>('entities', (m) => m.tag(texts));
    return texts.map((t, i) => aggregateEntities(t, alignTokenTags(t, tags[i] ?? [])));
  }, maxBatch);

  return {
    async summarize(text, { signal, onProgress } = {}) {
      const summarizer = await model<Summarizer>('summary');
      const generated = await summarizeInChunks(text, {
        countTokens: (t) => summarizer.countTokens(t),
        maxInputTokens: summarizer.maxInputTokens,
        summarizeChunk: (chunk) => run<Summarizer, string>('summary', (m) => m.summarize(chunk, { maxNewTokens: maxSummaryTokens, signal })),
        signal, onProgress,
      });
      return { sentences: [], generated, provenance: provenance('summary') };
    },
    async tagEntities(text) {
      const tagger = await model<TokenClassifier>('entities');
      const chunks = chunkText(text, (t) => tagger.countTokens(t), tagger.maxInputTokens);
      const perChunk = await Promise.all(chunks.map((c) => tagQueue.push(c.text)));
      const items = perChunk.flatMap((found, i) => found.map((e) => ({ ...e, start: e.start + (chunks[i]?.start ?? 0), end: e.end + (chunks[i]?.start ?? 0) })));
      return { items, provenance: provenance('entities') };
    },
    async caption(png) {
      const caption = await run<Captioner, string>('caption', (m) => m.caption(png));
      return { caption, provenance: provenance('caption') };
    },
    async classify(text, labels = DEFAULT_BIAS_LABELS) {
      const [result] = await run<ZeroShotClassifier, Awaited<ReturnType<ZeroShotClassifier['classify']>>>('bias', (m) => m.classify([text], labels, BIAS_HYPOTHESIS_TEMPLATE));
      return { labels: result?.labels ?? [], scores: result?.scores ?? [], provenance: provenance('bias') };
    },
    loaded: () => slots.loaded(),
    evictIdle: () => slots.evictIdle(),
    async close() {
      stopSweep();
      await slots.close();
    },
  };
}
