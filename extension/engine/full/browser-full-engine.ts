import { browser } from 'wxt/browser';
import { createFullTasks, type FullTasks } from '../../../shared/full/full-tasks';
import type { FullModels, FullRuntime, FullTask } from '../../../shared/full/full-runtime';
import { LoupeError } from '../../../shared/protocol/errors';
import { detectBackend, type GpuLike } from '../detect-backend';
import type { EngineDevice } from '../engine-host-protocol';
import { fullModelIds } from './full-models';
import { openModelCache, readInstalled, type ModelCacheLike } from './model-cache';
import type { LoadedPipeline, PipelineTask, loadPipeline as LoadPipeline } from './transformers-web-runtime';

export interface BrowserFullEngineOptions {
  cache?: () => Promise<ModelCacheLike>;
  /** Injected for tests; defaults to `navigator.gpu`. */
  gpu?: GpuLike;
  preferWebGpu?: boolean;
  /** Injected for tests; defaults to transformers.js (imported on first use). */
  load?: typeof LoadPipeline;
  /** Tokens a generated summary may have (distilbart-cnn's own maximum). */
  maxSummaryTokens?: number;
}

/** The full tier's tasks in the engine host, and the backend its models run on. */
export interface BrowserFullEngine extends FullTasks {
  info(): Promise<EngineDevice>;
}

const PIPELINES: Record<FullTask, PipelineTask> = {
  entities: 'token-classification',
  summary: 'summarization',
  caption: 'image-to-text',
  bias: 'zero-shot-classification',
};

/** Sentences the engine host classifies per run: progress and cancellation between batches. */
const BIAS_BATCH = 16;

type Loaded = { key: string; pipeline: LoadedPipeline; backend: EngineDevice['backend'] };

async function defaultLoad(...args: Parameters<typeof LoadPipeline>): Promise<LoadedPipeline> {
  const runtime = await import('./transformers-web-runtime');
  runtime.configureTransformers(openModelCache, browser.runtime.getURL('/ort/' as '/'));
  return runtime.loadPipeline(...args);
}

function handle<T extends FullTask>(task: T, pipeline: LoadedPipeline): FullModels[T] {
  const limits = { maxInputTokens: pipeline.maxInputTokens, countTokens: (text: string) => pipeline.countTokens(text) };
  const handles: { [K in FullTask]: () => FullModels[K] } = {
    entities: () => ({ ...limits, tag: (texts) => pipeline.tag([...texts]) }),
    summary: () => ({ ...limits, summarize: (text, { maxNewTokens }) => pipeline.summarize(text, maxNewTokens) }),
    caption: () => ({
      caption: (image, mimeType) => pipeline.caption(new Blob([new Uint8Array(image)], mimeType ? { type: mimeType } : {})),
    }),
    bias: () => ({ classify: (texts, labels, template) => pipeline.classify([...texts], [...labels], template) }),
  };
  return handles[task]();
}

/**
 * transformers.js on onnxruntime-web as a {@link FullRuntime}, over the models downloaded in
 * this browser: WebGPU when the browser gives an adapter (falling back to WebAssembly when a
 * model fails to start there), WebAssembly otherwise. Each model loads on first use, with the
 * weights that were downloaded, and again after a new download.
 */
export function createBrowserFullEngine(options: BrowserFullEngineOptions = {}): BrowserFullEngine {
  const cache = options.cache ?? openModelCache;
  const load = options.load ?? defaultLoad;
  const ids = fullModelIds();
  const loaded = new Map<FullTask, Promise<Loaded>>();
  const backends = new Map<FullTask, EngineDevice['backend']>();
  let device: EngineDevice | undefined;
  let detection: Promise<EngineDevice> | undefined;

  const decide = () =>
    (detection ??= detectBackend(options.gpu ?? (navigator as Navigator & { gpu?: GpuLike }).gpu, options.preferWebGpu ?? true).then(
      ({ backend, reason }) => (device = { backend, reason }),
    ));

  async function start(task: FullTask, key: string, dtype: Parameters<typeof LoadPipeline>[2]['dtype']): Promise<Loaded> {
    const chosen = device ?? (await decide());
    if (chosen.backend === 'webgpu') {
      try {
        return { key, backend: 'webgpu', pipeline: await load(PIPELINES[task], ids[task], { device: 'webgpu', dtype }) };
      } catch (error) {
        device = {
          backend: 'wasm',
          reason: `WebGPU failed to start ${ids[task]} (${error instanceof Error ? error.message : String(error)}); using WebAssembly`,
        };
      }
    }
    return { key, backend: 'wasm', pipeline: await load(PIPELINES[task], ids[task], { device: 'wasm', dtype }) };
  }

  async function loadedModel(task: FullTask): Promise<Loaded> {
    const installed = await readInstalled(await cache(), ids[task]);
    const current = loaded.get(task);
    if (!installed) {
      loaded.delete(task);
      if (current) void current.then((m) => m.pipeline.dispose()).catch(() => undefined);
      throw new LoupeError(
        'model-missing',
        `${ids[task]} is not downloaded in this browser — open Loupe's Options → Models and download it.`,
      );
    }
    const key = `${installed.revision}:${installed.dtype}:${installed.installedAt}`;
    if (current && (await current.catch(() => undefined))?.key === key) return current;
    const next = start(task, key, installed.dtype);
    next.catch(() => loaded.delete(task));
    loaded.set(task, next);
    return next;
  }

  const runtime: FullRuntime = {
    async model(task) {
      const m = await loadedModel(task);
      backends.set(task, m.backend);
      if (task === 'summary' && !m.pipeline.hasPastKeyValues) {
        throw new LoupeError(
          'model-corrupt',
          `${ids.summary}'s decoder has no past key values, so its summaries would be garbage — delete it in Options → Models and download the export with decoder_model_merged.onnx.`,
        );
      }
      return handle(task, m.pipeline);
    },
    provenance: (task) => ({ engine: 'browser', tier: 'full', model: ids[task], backend: backends.get(task) ?? device?.backend ?? 'wasm' }),
  };

  return {
    ...createFullTasks(runtime, {
      biasBatchSize: BIAS_BATCH,
      ...(options.maxSummaryTokens ? { maxSummaryTokens: options.maxSummaryTokens } : {}),
    }),
    async info() {
      return device ?? decide();
    },
  };
}
