import { browser } from 'wxt/browser';
import { aggregateEntities } from '../../../daemon/full/aggregate-entities';
import { alignTokenTags } from '../../../daemon/full/align-token-tags';
import { chunkText } from '../../../daemon/full/chunk-text';
import { summarizeInChunks, type SummaryProgress } from '../../../daemon/full/summarize-in-chunks';
import { LoupeError } from '../../../shared/protocol/errors';
import type { Entities, Provenance, Summary } from '../../../shared/protocol/results';
import { detectBackend, type GpuLike } from '../detect-backend';
import type { EngineDevice } from '../engine-protocol';
import { fullModelIds, type BrowserFullTask } from './full-models';
import { openModelCache, readInstalled, type ModelCacheLike } from './model-cache';
import type { LabelScores, LoadedPipeline, PipelineTask, loadPipeline as LoadPipeline } from './transformers-web-runtime';

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

export interface BrowserFullEngine {
  /** The backend full models run on, and why. */
  info(): Promise<EngineDevice>;
  tagEntities(text: string): Promise<Entities>;
  summarize(text: string, onProgress?: (progress: SummaryProgress) => void): Promise<Summary>;
  caption(image: Blob): Promise<{ caption: string; provenance: Provenance }>;
  classify(texts: string[], labels: string[], hypothesisTemplate: string): Promise<{ results: LabelScores[]; provenance: Provenance }>;
}

const PIPELINES: Record<BrowserFullTask, PipelineTask> = {
  entities: 'token-classification', summary: 'summarization', caption: 'image-to-text', bias: 'zero-shot-classification',
};

type Loaded = { key: string; pipeline: LoadedPipeline; backend: EngineDevice['backend'] };

async function defaultLoad(...args: Parameters<typeof LoadPipeline>): Promise<LoadedPipeline> {
  const runtime = await import('./transformers-web-runtime');
  runtime.configureTransformers(openModelCache, browser.runtime.getURL('/ort/' as '/'));
  return runtime.loadPipeline(...args);
}

/**
 * Runs the downloaded full-tier models with transformers.js: WebGPU when the browser gives an
 * adapter (falling back to WebAssembly when a model fails to start there), WebAssembly
 * otherwise. Each model loads on first use, with the weights that were downloaded.
 */
export function createBrowserFullEngine(options: BrowserFullEngineOptions = {}): BrowserFullEngine {
  const cache = options.cache ?? openModelCache;
  const load = options.load ?? defaultLoad;
  const ids = fullModelIds();
  const loaded = new Map<BrowserFullTask, Promise<Loaded>>();
  let device: EngineDevice | undefined;
  let detection: Promise<EngineDevice> | undefined;

  const decide = () => (detection ??= detectBackend(options.gpu ?? (navigator as Navigator & { gpu?: GpuLike }).gpu, options.preferWebGpu ?? true)
    .then(({ backend, reason }) => (device = { backend, reason })));

  async function start(task: BrowserFullTask, key: string, dtype: Parameters<typeof LoadPipeline>[2]['dtype']): Promise<Loaded> {
    const chosen = device ?? await decide();
    if (chosen.backend === 'webgpu') {
      try {
        return { key, backend: 'webgpu', pipeline: await load(PIPELINES[task], ids[task], { device: 'webgpu', dtype }) };
      } catch (error) {
        device = { backend: 'wasm', reason: `WebGPU failed to start ${ids[task]} (${error instanceof Error ? error.message : String(error)}); using WebAssembly` };
      }
    }
    return { key, backend: 'wasm', pipeline: await load(PIPELINES[task], ids[task], { device: 'wasm', dtype }) };
  }

  async function model(task: BrowserFullTask): Promise<Loaded> {
    const installed = await readInstalled(await cache(), ids[task]);
    const current = loaded.get(task);
    if (!installed) {
      loaded.delete(task);
      if (current) void current.then((m) => m.pipeline.dispose()).catch(() => undefined);
      throw new LoupeError('model-missing', `${ids[task]} is not downloaded in this browser — open Loupe's Options → Models and download it.`);
    }
    const key = `${installed.revision}:${installed.dtype}:${installed.installedAt}`;
    if (current && (await current.catch(() => undefined))?.key === key) return current;
    const next = start(task, key, installed.dtype);
    next.catch(() => loaded.delete(task));
    loaded.set(task, next);
    return next;
  }

  const provenance = (task: BrowserFullTask, m: Loaded): Provenance => ({ engine: 'browser', tier: 'full', model: ids[task], backend: m.backend });

  return {
    async info() { return device ?? decide(); },
    async tagEntities(text) {
      const m = await model('entities');
      const chunks = chunkText(text, (t) => m.pipeline.countTokens(t), m.pipeline.maxInputTokens);
      const tags = chunks.length ? await m.pipeline.tag(chunks.map((c) => c.text)) : [];
      const items = chunks.flatMap((chunk, i) => aggregateEntities(chunk.text, alignTokenTags(chunk.text, tags[i] ?? []), chunk.start));
      return { items, provenance: provenance('entities', m) };
    },
    async summarize(text, onProgress) {
      const m = await model('summary');
      if (!m.pipeline.hasPastKeyValues) {
        throw new LoupeError('model-corrupt', `${ids.summary}'s decoder has no past key values, so its summaries would be garbage — delete it in Options → Models and download the export with decoder_model_merged.onnx.`);
      }
      const generated = await summarizeInChunks(text, {
        countTokens: (t) => m.pipeline.countTokens(t),
        maxInputTokens: m.pipeline.maxInputTokens,
        summarizeChunk: (chunk) => m.pipeline.summarize(chunk, options.maxSummaryTokens ?? 142),
        ...(onProgress ? { onProgress } : {}),
      });
      return { sentences: [], generated, provenance: provenance('summary', m) };
    },
    async caption(image) {
      const m = await model('caption');
      return { caption: await m.pipeline.caption(image), provenance: provenance('caption', m) };
    },
    async classify(texts, labels, hypothesisTemplate) {
      const m = await model('bias');
      return { results: await m.pipeline.classify(texts, labels, hypothesisTemplate), provenance: provenance('bias', m) };
    },
  };
}
