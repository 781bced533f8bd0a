import { createFullTasks, type FullTasks } from '../../shared/full/full-tasks';
import type { FullTask, LabelScores } from '../../shared/full/full-runtime';
import { NLI_BIAS_HYPOTHESIS, NLI_BIAS_LABELS } from '../../shared/lite/nli-bias-flags';
import { fullModelIds } from '../../shared/models/full-model-ids';
import type { Provenance } from '../../shared/protocol/results';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../logger';
import { loadCatalogue } from '../model-store/load-catalogue';
import type { FullDevice, FullDtype } from './full-types';
import type { LoadedSlot } from './model-slots';
import { createNodeFullRuntime } from './node-full-runtime';
import { createTransformersRuntime, type TransformersRuntime } from './transformers-runtime';

/** The catalogue's full-tier model for each task. */
export const FULL_MODEL_IDS: Readonly<Record<FullTask, string>> = fullModelIds(loadCatalogue().models);

/** Zero-shot hypotheses for bias when the caller names no labels. */
export const DEFAULT_BIAS_LABELS: string[] = [...NLI_BIAS_LABELS];

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

/** The full tier's tasks in the daemon, plus what `GET /`, the idle sweep and benches use. */
export interface FullEngine extends FullTasks {
  /** One sentence against zero-shot labels (default: the bias hypotheses). */
  classify(text: string, labels?: string[]): Promise<LabelScores & { provenance: Provenance }>;
  loaded(): LoadedSlot[];
  evictIdle(): Promise<string[]>;
  close(): Promise<void>;
}

function everyUnref(ms: number, fn: () => void): () => void {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/** The full tier: transformers.js models loaded on first use, serialised, batched, evicted when idle. */
export function createFullEngine(options: FullEngineOptions): FullEngine {
  const { logger, maxBatch = 8 } = options;
  const idleMs = options.idleMs ?? 10 * 60_000;
  const runtime = createNodeFullRuntime({
    ids: { ...FULL_MODEL_IDS, ...options.models },
    resolveModel: options.resolveModel,
    device: options.device,
    ...(options.dtype ? { dtype: options.dtype } : {}),
    transformers: options.runtime ?? createTransformersRuntime(),
    logger,
    clock: options.clock ?? systemClock,
    idleMs,
    memoryBudgetBytes: options.memoryBudgetBytes ?? 4 * 1024 ** 3,
    maxBatch,
    provenanceEngine: options.provenanceEngine ?? 'daemon',
  });
  const stopSweep = (options.every ?? everyUnref)(Math.min(idleMs, 60_000), () => {
    runtime.evictIdle().catch((error: unknown) => logger.error(`idle eviction failed: ${String(error)}`));
  });
  return {
    ...createFullTasks(runtime, { ...(options.maxSummaryTokens ? { maxSummaryTokens: options.maxSummaryTokens } : {}) }),
    async classify(text, labels = DEFAULT_BIAS_LABELS) {
      const [result] = await (await runtime.model('bias')).classify([text], labels, NLI_BIAS_HYPOTHESIS);
      return { labels: result?.labels ?? [], scores: result?.scores ?? [], provenance: runtime.provenance('bias') };
    },
    loaded: () => runtime.loaded(),
    evictIdle: () => runtime.evictIdle(),
    async close() {
      stopSweep();
      await runtime.close();
    },
  };
}
