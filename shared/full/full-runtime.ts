import type { AbortSignalLike } from '../lite/analyze-text';
import type { Provenance } from '../protocol/results';

export type { AbortSignalLike };

/** The tasks the full tier runs, by their catalogue task names. */
export const FULL_TASKS = ['summary', 'entities', 'caption', 'bias'] as const;
export type FullTask = (typeof FULL_TASKS)[number];

/** One token as a token-classification pipeline reports it: no character offsets. */
export interface TokenTag {
  entity: string;
  score: number;
  index: number;
  word: string;
}

/** A zero-shot pipeline's answer for one text. */
export interface LabelScores {
  labels: string[];
  scores: number[];
}

/** How much text a model reads at once, as its own tokenizer counts it. */
export interface TextModelLimits {
  /** Tokens the model reads at most (position embeddings / tokenizer limit). */
  readonly maxInputTokens: number;
  /** Tokens of `text` as the model sees it, special tokens included. */
  countTokens(text: string): number;
}

/** A loaded token classifier (named entities). */
export interface TokenClassifier extends TextModelLimits {
  tag(texts: readonly string[]): Promise<TokenTag[][]>;
}

/** A loaded summariser (seq2seq). */
export interface Summarizer extends TextModelLimits {
  summarize(text: string, options: { maxNewTokens: number; signal?: AbortSignalLike }): Promise<string>;
}

/** A loaded image captioner. */
export interface Captioner {
  caption(image: Uint8Array, mimeType?: string): Promise<string>;
}

/** A loaded zero-shot (NLI) classifier. */
export interface ZeroShotClassifier {
  classify(texts: readonly string[], labels: readonly string[], hypothesisTemplate: string): Promise<LabelScores[]>;
}

/** The model each full task runs on. */
export interface FullModels {
  summary: Summarizer;
  entities: TokenClassifier;
  caption: Captioner;
  bias: ZeroShotClassifier;
}

/**
 * What the full-tier core needs from a transformers.js runtime: onnxruntime-node in the
 * daemon, onnxruntime-web in the browser's engine host. The runtime decides where models come
 * from, which weights and device they load with, and how runs on one model are serialised;
 * the core (chunking, alignment, aggregation, summaries, bias flags) is the same on both.
 */
export interface FullRuntime {
  /**
   * `task`'s model, loaded on first use.
   * @throws LoupeError `model-missing` (not downloaded / pulled) or `model-corrupt`, naming the fix.
   */
  model<T extends FullTask>(task: T): Promise<FullModels[T]>;
  /** Who produced `task`'s results (read after `model(task)`: a backend can fall back while loading). */
  provenance(task: FullTask): Provenance;
}

/** Progress of long full-tier work: `stage` is `summary` (chunks) or `bias` (sentences). */
export interface FullProgress {
  stage: string;
  completed: number;
  total: number;
}
