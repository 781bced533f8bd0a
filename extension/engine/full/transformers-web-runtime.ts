// The only module in extension/ that imports transformers.js. Its `onnxruntime-web/webgpu` import is
// pointed (wxt.config.ts hooks) at the same onnxruntime-web module the lite runner uses, whose
// .mjs/.wasm ship once in /ort/; wasmPaths below points there, so nothing comes from a CDN.
import { env, pipeline, RawImage } from '@huggingface/transformers';
import type { LabelScores, TokenTag } from '../../../shared/full/full-runtime';
import type { Dtype } from '../../../shared/models/catalogue-schema';
import { MODEL_ORIGIN, type ModelCacheLike } from './model-cache';

export type FullBackend = 'webgpu' | 'wasm';
export type { LabelScores, TokenTag };

/** A loaded pipeline, narrowed to what the full tier calls. */
export interface LoadedPipeline {
  readonly maxInputTokens: number;
  /** Whether a seq2seq decoder takes past key values (transformers.js feeds later steps one token only). */
  readonly hasPastKeyValues: boolean;
  countTokens(text: string): number;
  tag(texts: string[]): Promise<TokenTag[][]>;
  summarize(text: string, maxNewTokens: number): Promise<string>;
  caption(image: Blob): Promise<string>;
  classify(texts: string[], labels: string[], hypothesisTemplate: string): Promise<LabelScores[]>;
  dispose(): Promise<void>;
}

export type PipelineTask = 'token-classification' | 'summarization' | 'image-to-text' | 'zero-shot-classification';

interface AnyPipeline {
  (...args: unknown[]): Promise<unknown>;
  tokenizer: { (text: string): { input_ids: { dims: number[] } }; model_max_length?: number };
  model: { config: { max_position_embeddings?: number }; sessions?: Record<string, { inputNames: string[] }> };
  dispose(): Promise<void>;
}

/**
 * Local files only: transformers.js looks each file up as `<MODEL_ORIGIN>/<repo>/<file>` in its
 * custom cache, which reads Loupe's model cache and never stores anything (only complete
 * downloads belong there). A miss falls through to `env.fetch`, answered with a 404 that it
 * reports as a missing file — never the network. (Its file-metadata probe skips local paths
 * that are URLs, so the cache, not `localModelPath` alone, is what makes the files visible.)
 */
export function configureTransformers(cache: () => Promise<ModelCacheLike>, wasmPaths: string): void {
  const isModelFile = (url: string) => url.startsWith(`${MODEL_ORIGIN}/`);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${MODEL_ORIGIN}/`;
  env.useBrowserCache = false;
  env.useWasmCache = false;
  env.useCustomCache = true;
  env.customCache = {
    match: async (request: string) => (isModelFile(String(request)) ? (await cache()).match(String(request)) : undefined),
    put: async () => undefined,
  };
  const networkFetch = globalThis.fetch.bind(globalThis);
  env.fetch = async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    if (!isModelFile(url)) return networkFetch(input, init);
    return (await (await cache()).match(url)) ?? new Response('not downloaded', { status: 404 });
  };
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    wasm.wasmPaths = wasmPaths;
    // Threads need cross-origin isolation, which extension pages lack.
    wasm.numThreads = globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
    wasm.proxy = false;
  }
}

/** Loads `task` for the cached model `id`; `device` is transformers.js's device name. */
export async function loadPipeline(
  task: PipelineTask,
  id: string,
  options: { device: FullBackend; dtype: Dtype },
): Promise<LoadedPipeline> {
  const p = (await pipeline(task as 'summarization', id, { device: options.device, dtype: options.dtype })) as unknown as AnyPipeline;
  const limits = [p.tokenizer?.model_max_length, p.model.config.max_position_embeddings].filter(
    (n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 1e7,
  );
  const decoder = p.model.sessions?.decoder_model_merged ?? p.model.sessions?.decoder_model;
  return {
    maxInputTokens: limits.length ? Math.min(...limits) : 512,
    hasPastKeyValues: decoder?.inputNames.some((name) => name.startsWith('past_key_values.')) ?? false,
    countTokens: (text) => p.tokenizer(text).input_ids.dims.at(-1) ?? 0,
    async tag(texts) {
      const out = (await p(texts, { ignore_labels: [] })) as TokenTag[][] | TokenTag[];
      return texts.length === 1 && !Array.isArray(out[0]) ? [out as TokenTag[]] : (out as TokenTag[][]);
    },
    async summarize(text, maxNewTokens) {
      const out = (await p(text, { max_new_tokens: maxNewTokens, num_beams: 1, do_sample: false })) as { summary_text: string }[];
      return out[0]?.summary_text.trim() ?? '';
    },
    async caption(image) {
      const out = (await p(await RawImage.fromBlob(image))) as { generated_text: string }[];
      return out[0]?.generated_text.trim() ?? '';
    },
    async classify(texts, labels, hypothesisTemplate) {
      const out = (await p(texts, labels, { hypothesis_template: hypothesisTemplate, multi_label: false })) as LabelScores | LabelScores[];
      // Each result also echoes its `sequence`: only labels and scores cross back to the background.
      return (Array.isArray(out) ? out : [out]).map(({ labels: l, scores }) => ({ labels: l, scores }));
    },
    dispose: () => p.dispose(),
  };
}
