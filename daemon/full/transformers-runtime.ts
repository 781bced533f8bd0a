// The only module in daemon/ that imports transformers.js: it pins the library to local files
// (no hub, no cache copies) and narrows its pipelines to what the full engine calls.
import { env, InterruptableStoppingCriteria, pipeline, RawImage } from '@huggingface/transformers';
import type { LabelScores, TokenTag } from '../../shared/full/full-runtime';
import type { FullDevice, FullDtype } from './full-types';

interface LoadOptions {
  device: FullDevice;
  dtype: FullDtype;
}

interface LoadedModel {
  /** Tokens the model reads at most (position embeddings / tokenizer limit). */
  readonly maxInputTokens: number;
  /** Tokens of `text` as the model sees it, special tokens included. */
  countTokens(text: string): number;
  dispose(): Promise<void>;
}
export interface TokenClassifier extends LoadedModel {
  tag(texts: string[]): Promise<TokenTag[][]>;
}
export interface Summarizer extends LoadedModel {
  /** Whether the decoder takes past key values; transformers.js feeds later steps one token only. */
  readonly hasPastKeyValues: boolean;
  summarize(text: string, options: { maxNewTokens: number; signal?: AbortSignal }): Promise<string>;
}
export interface Captioner extends LoadedModel {
  caption(png: Uint8Array): Promise<string>;
}
export interface ZeroShotClassifier extends LoadedModel {
  classify(texts: string[], labels: string[], hypothesisTemplate: string): Promise<LabelScores[]>;
}

export interface TransformersRuntime {
  loadTokenClassifier(dir: string, options: LoadOptions): Promise<TokenClassifier>;
  loadSummarizer(dir: string, options: LoadOptions): Promise<Summarizer>;
  loadCaptioner(dir: string, options: LoadOptions): Promise<Captioner>;
  loadZeroShotClassifier(dir: string, options: LoadOptions): Promise<ZeroShotClassifier>;
}

// transformers.js's pipeline types are a union over every task; these are the parts used here.
interface AnyPipeline {
  (...args: unknown[]): Promise<unknown>;
  tokenizer: { (text: string): { input_ids: { dims: number[] } }; model_max_length?: number };
  model: { config: { max_position_embeddings?: number }; sessions: Record<string, { inputNames: string[] }> };
  dispose(): Promise<void>;
}

function base(p: AnyPipeline): LoadedModel {
  const limits = [p.tokenizer.model_max_length, p.model.config.max_position_embeddings].filter(
    (n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 1e7,
  );
  return {
    maxInputTokens: limits.length ? Math.min(...limits) : 512,
    countTokens: (text) => p.tokenizer(text).input_ids.dims.at(-1) ?? 0,
    dispose: () => p.dispose(),
  };
}

async function load(task: string, dir: string, { device, dtype }: LoadOptions): Promise<AnyPipeline> {
  // Absolute dirs are read as they are; env.localModelPath only serves bare repo ids.
  return (await pipeline(task as 'summarization', dir, { device, dtype })) as unknown as AnyPipeline;
}

/** Configures transformers.js for local files only and returns loaders for the four tasks. */
export function createTransformersRuntime({ localModelPath }: { localModelPath?: string } = {}): TransformersRuntime {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  // Its file cache would copy every model a second time into node_modules.
  env.useFSCache = false;
  env.useBrowserCache = false;
  if (localModelPath) env.localModelPath = localModelPath;
  return {
    async loadTokenClassifier(dir, options) {
      const p = await load('token-classification', dir, options);
      return {
        ...base(p),
        async tag(texts) {
          const out = (await p(texts, { ignore_labels: [] })) as TokenTag[][] | TokenTag[];
          return texts.length === 1 && !Array.isArray(out[0]) ? [out as TokenTag[]] : (out as TokenTag[][]);
        },
      };
    },
    async loadSummarizer(dir, options) {
      const p = await load('summarization', dir, options);
      const decoder = p.model.sessions.decoder_model_merged ?? p.model.sessions.decoder_model;
      return {
        ...base(p),
        hasPastKeyValues: decoder?.inputNames.some((name) => name.startsWith('past_key_values.')) ?? false,
        async summarize(text, { maxNewTokens, signal }) {
          const stop = new InterruptableStoppingCriteria();
          const interrupt = () => stop.interrupt();
          signal?.addEventListener('abort', interrupt, { once: true });
          try {
            // Greedy: transformers.js 4 has no beam search; `num_beams` from the config is ignored anyway.
            const out = (await p(text, { max_new_tokens: maxNewTokens, num_beams: 1, do_sample: false, stopping_criteria: [stop] })) as {
              summary_text: string;
            }[];
            return out[0]?.summary_text.trim() ?? '';
          } finally {
            signal?.removeEventListener('abort', interrupt);
          }
        },
      };
    },
    async loadCaptioner(dir, options) {
      const p = await load('image-to-text', dir, options);
      return {
        ...base(p),
        async caption(png) {
          const image = await RawImage.fromBlob(new Blob([new Uint8Array(png)]));
          const out = (await p(image)) as { generated_text: string }[];
          return out[0]?.generated_text.trim() ?? '';
        },
      };
    },
    async loadZeroShotClassifier(dir, options) {
      const p = await load('zero-shot-classification', dir, options);
      return {
        ...base(p),
        async classify(texts, labels, hypothesisTemplate) {
          const out = (await p(texts, labels, { hypothesis_template: hypothesisTemplate, multi_label: false })) as
            | LabelScores
            | LabelScores[];
          return Array.isArray(out) ? out : [out];
        },
      };
    },
  };
}
