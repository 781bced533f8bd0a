import { checkSentenceCount, checkTextLength } from '../limits';
import { LoupeError } from '../protocol/errors';
import type { Analysis, Bias, Entities, Entity, Provenance, Span, Summary, TextTask } from '../protocol/results';
import { segmentSentences } from '../text/segment-sentences';
import { findCapitalisedEntities } from './find-capitalised-entities';
import { findPatternEntities } from './find-pattern-entities';
import { flagBiasByRules } from './flag-bias-by-rules';
import type { LiteModels } from './lite-models';
import { mergeEntities } from './merge-entities';
import { summarizeExtractive } from './summarize-extractive';

/**
 * The part of `AbortSignal` this module reads; shared/ has no DOM or Node types, and both
 * sides' `AbortSignal` fit it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** Options of {@link analyzeText}. */
export interface AnalyzeTextOptions {
  /** Which results to compute; the others are absent from the analysis. */
  tasks: readonly TextTask[];
  /** Who is running this, shown in every result's provenance. */
  engine: Provenance['engine'];
  /** Sentences in the summary (default 3). */
  summarySentences?: number;
  /** Trained lite models; rules and heuristics stand in for any that are absent. */
  models?: LiteModels;
  /** Aborting it stops the analysis between tasks with a `cancelled` error. */
  signal?: AbortSignalLike;
}

/** Method ids shown in provenance when no trained model ran. */
export const LITE_METHOD_IDS = {
  summary: 'lite/summary-centrality@1',
  bias: 'lite/bias-rules@1',
  entities: 'lite/entities-heuristic@1',
} as const;

const NO_ARTICLE = 'No readable text on this page — select some text and use "Summarize selection" instead.';

/**
 * Runs the lite pipelines on `text`: segments it once, then computes only the requested
 * tasks. Entities come from the trained tagger when loaded (capitalisation heuristics
 * otherwise), merged with pattern entities (dates, money...); bias flags come from the trained
 * classifier when loaded (the cue rules otherwise). Every span indexes into `text`.
 * @throws LoupeError `no-article` for blank text, `input-too-large` beyond the limits of
 * shared/limits.ts, `cancelled` when `signal` aborts.
 */
export async function analyzeText(text: string, options: AnalyzeTextOptions): Promise<Analysis> {
  if (text.trim() === '') throw new LoupeError('no-article', NO_ARTICLE);
  checkTextLength(text.length);
  throwIfCancelled(options.signal);
  const sentences = segmentSentences(text);
  checkSentenceCount(sentences.length);
  const analysis: Analysis = { text };
  if (options.tasks.includes('summary')) {
    analysis.summary = summarize(text, sentences, options);
    throwIfCancelled(options.signal);
  }
  if (options.tasks.includes('entities')) {
    analysis.entities = await tagEntities(text, sentences, options);
    throwIfCancelled(options.signal);
  }
  if (options.tasks.includes('bias')) {
    analysis.bias = await flagBias(text, sentences, options);
    throwIfCancelled(options.signal);
  }
  return analysis;
}

function summarize(text: string, sentences: Span[], options: AnalyzeTextOptions): Summary {
  const count = options.summarySentences ?? 3;
  return {
    sentences: summarizeExtractive(text, sentences, { count }),
    provenance: provenance(options.engine, LITE_METHOD_IDS.summary, 'rules'),
  };
}

async function tagEntities(text: string, sentences: Span[], options: AnalyzeTextOptions): Promise<Entities> {
  const model = options.models?.entities;
  const named: Entity[] = model ? await model.tag(text, sentences) : findCapitalisedEntities(text, sentences);
  return {
    items: mergeEntities(findPatternEntities(text), named),
    provenance: provenance(options.engine, model?.id ?? LITE_METHOD_IDS.entities, model?.backend ?? 'rules'),
  };
}

async function flagBias(text: string, sentences: Span[], options: AnalyzeTextOptions): Promise<Bias> {
  const model = options.models?.bias;
  const flags = model ? await model.flag(text, sentences) : flagBiasByRules(text, sentences);
  return {
    flags: [...flags].sort((a, b) => a.start - b.start || a.end - b.end),
    provenance: provenance(options.engine, model?.id ?? LITE_METHOD_IDS.bias, model?.backend ?? 'rules'),
  };
}

function provenance(engine: Provenance['engine'], model: string, backend: string): Provenance {
  return { engine, tier: 'lite', model, backend };
}

function throwIfCancelled(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw new LoupeError('cancelled', 'Analysis cancelled: the tab was closed or a newer request replaced it.');
}
