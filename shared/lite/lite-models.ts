import type { BiasFlag, Entity, Span } from '../protocol/results';

/**
 * A trained lite entity tagger (ONNX emissions + Viterbi). `analyzeText` uses it for PER, ORG,
 * LOC and MISC when present, and keeps pattern entities (dates, money...) either way.
 */
export interface EntityModel {
  /** Catalogue id with version, e.g. `lite/entities@1`. */
  readonly id: string;
  /** Where its network runs: `cpu`, `wasm`, `webgpu`. */
  readonly backend: string;
  /** Tags `text`; `sentences` are its sentence spans. Offsets index into `text`. */
  tag(text: string, sentences: readonly Span[]): Promise<Entity[]>;
  /**
   * Tags many texts with one run of the network (batch annotation); each page's entities are
   * what `tag` would return for it alone. Absent on models that cannot batch.
   */
  tagMany?(pages: readonly { text: string; sentences: readonly Span[] }[]): Promise<Entity[][]>;
}

/** A trained lite bias classifier whose flags carry the cue words that drove each score. */
export interface BiasModel {
  readonly id: string;
  readonly backend: string;
  /** Flags biased sentences of `text`; offsets index into `text`. */
  flag(text: string, sentences: readonly Span[]): Promise<BiasFlag[]>;
  /** How likely each page title reads as clickbait, and the probability from which one is flagged. */
  scoreTitles?(titles: readonly string[]): Promise<{ probabilities: number[]; threshold: number }>;
}

/** The trained lite models an engine has loaded; either may be absent (rules are used then). */
export interface LiteModels {
  readonly entities?: EntityModel;
  readonly bias?: BiasModel;
}
