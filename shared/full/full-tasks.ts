import type { Bias, Entities, Provenance, Summary } from '../protocol/results';
import { aggregateEntities } from './aggregate-entities';
import { alignTokenTags } from './align-token-tags';
import { chunkByTokens } from './chunk-by-tokens';
import { flagBiasWithNli, type NliBiasOptions } from './flag-bias-with-nli';
import type { AbortSignalLike, FullRuntime } from './full-runtime';
import { summarizeInChunks, type SummaryProgress } from './summarize-in-chunks';

/** The full tier's four tasks, each over the runtime's model for it. */
export interface FullTasks {
  /** A generated summary (`sentences` empty: the generated text has no offsets), chunked on long text. */
  summarize(text: string, options?: { signal?: AbortSignalLike; onProgress?: (progress: SummaryProgress) => void }): Promise<Summary>;
  /** Named entities with offsets into `text`, tagged chunk by chunk. */
  tagEntities(text: string): Promise<Entities>;
  caption(image: Uint8Array, mimeType?: string): Promise<{ caption: string; provenance: Provenance }>;
  /** NLI bias flags; cue words come from `lite`'s flags or the lexicon. */
  flagBias(text: string, lite: Bias, options?: NliBiasOptions): Promise<Bias>;
}

/** Options of {@link createFullTasks}. */
export interface FullTasksOptions {
  /** Tokens a generated summary may have (default 142, distilbart-cnn's own maximum). */
  maxSummaryTokens?: number;
  /** Sentences per NLI run unless a call says otherwise (default 1). */
  biasBatchSize?: number;
}

/**
 * The full tier written once over a {@link FullRuntime}: token-limit chunking, tag alignment
 * (pipelines report no offsets), entity aggregation, summaries of summaries and NLI bias flags.
 * The daemon and the browser's engine host differ only in the runtime they pass.
 */
export function createFullTasks(runtime: FullRuntime, options: FullTasksOptions = {}): FullTasks {
  const maxNewTokens = options.maxSummaryTokens ?? 142;
  return {
    async summarize(text, { signal, onProgress } = {}) {
      const model = await runtime.model('summary');
      const generated = await summarizeInChunks(text, {
        countTokens: (t) => model.countTokens(t),
        maxInputTokens: model.maxInputTokens,
        summarizeChunk: (chunk) => model.summarize(chunk, { maxNewTokens, ...(signal ? { signal } : {}) }),
        ...(signal ? { signal } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
      return { sentences: [], generated, provenance: runtime.provenance('summary') };
    },
    async tagEntities(text) {
      const model = await runtime.model('entities');
      const chunks = chunkByTokens(text, (t) => model.countTokens(t), model.maxInputTokens);
      const tags = chunks.length > 0 ? await model.tag(chunks.map((c) => c.text)) : [];
      const items = chunks.flatMap((chunk, i) => aggregateEntities(chunk.text, alignTokenTags(chunk.text, tags[i] ?? []), chunk.start));
      return { items, provenance: runtime.provenance('entities') };
    },
    async caption(image, mimeType) {
      const model = await runtime.model('caption');
      const caption = await model.caption(image, mimeType);
      return { caption, provenance: runtime.provenance('caption') };
    },
    flagBias: (text, lite, call = {}) =>
      flagBiasWithNli(runtime, text, lite, { ...(options.biasBatchSize ? { batchSize: options.biasBatchSize } : {}), ...call }),
  };
}
