import { checkSentenceCount, checkTextLength } from '../limits';
import { LoupeError } from '../protocol/errors';
import type { PageHints } from '../protocol/page-hints';
import type { Analysis, Bias, Entities, Entity, Provenance, Span, Summary, TextTask, Withheld } from '../protocol/results';
import { segmentSentences } from '../text/segment-sentences';
import { findCapitalisedEntities } from './find-capitalised-entities';
import { findPatternEntities } from './find-pattern-entities';
import { flagBiasLite } from './flag-bias-lite';
import type { LiteModels } from './lite-models';
import { mergeEntities } from './merge-entities';
import { describePagePurpose } from './page/describe-page-purpose';
import { languageWithheld } from './page/language-withheld';
import { detectPageLanguage } from './page/detect-page-language';
import { biasWithheldFor, judgedSentences, profilePage, type PageStructure } from './page/profile-page';
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
  /** Key points in the summary (default: more for longer pages, 3 to 7). */
  summarySentences?: number;
  /** Trained lite models; rules and heuristics stand in for any that are absent. */
  models?: LiteModels;
  /** Aborting it stops the analysis between tasks with a `cancelled` error. */
  signal?: AbortSignalLike;
  /** What the capture knows about the page besides its text (block roles, declared types...). */
  page?: PageHints;
}

/** Method ids shown in provenance when no trained model ran. */
export const LITE_METHOD_IDS = {
  summary: 'lite/summary-centroid@2',
  bias: 'lite/bias-rules@1',
  entities: 'lite/entities-heuristic@1',
} as const;

const NO_ARTICLE = 'No readable text on this page — select some text and use "Summarize selection" instead.';

/**
 * Runs the lite pipelines on `text`: segments it and reads its structure once (each sentence's
 * role, the page's genre: see `analysis.page`), then computes only the requested tasks. Key
 * points are picked from running prose. Entities come from the trained tagger when loaded
 * (capitalisation heuristics otherwise), merged with pattern entities (dates, money...). Bias
 * flags come from the trained loaded-word model when loaded with the cue rules beside it (the
 * rules alone otherwise), on the page's own statements only, plus a clickbait check of the page
 * title; they are withheld, with the reason, on recipes, product pages and documentation. Every
 * span indexes into `text`.
 * @throws LoupeError `no-article` for blank text, `input-too-large` beyond the limits of
 * shared/limits.ts, `cancelled` when `signal` aborts.
 */
export async function analyzeText(text: string, options: AnalyzeTextOptions): Promise<Analysis> {
  if (text.trim() === '') throw new LoupeError('no-article', NO_ARTICLE);
  checkTextLength(text.length);
  throwIfCancelled(options.signal);
  const sentences = segmentSentences(text);
  checkSentenceCount(sentences.length);
  const language = detectPageLanguage(text, options.page?.lang);
  const structure = profilePage(text, sentences, options.page);
  const analysis: Analysis = { page: { ...structure.profile, language } };
  if (options.tasks.includes('summary')) {
    analysis.summary = summarize(text, sentences, structure, options);
    throwIfCancelled(options.signal);
  }
  if (options.tasks.includes('entities')) {
    analysis.entities = await tagEntities(text, sentences, options, languageWithheld(language, 'entities'));
    throwIfCancelled(options.signal);
  }
  if (options.tasks.includes('bias')) {
    analysis.bias = await flagBias(text, sentences, structure, options, languageWithheld(language, 'bias'));
    throwIfCancelled(options.signal);
  }
  return analysis;
}

function summarize(text: string, sentences: readonly Span[], structure: PageStructure, options: AnalyzeTextOptions): Summary {
  const count = options.summarySentences;
  const purpose = describePagePurpose(sentences, structure.roles, structure.profile, options.page);
  return {
    sentences: summarizeExtractive(text, keyPointCandidates(sentences, structure), count ? { count } : {}),
    ...(purpose ? { generated: purpose } : {}),
    provenance: provenance(options.engine, LITE_METHOD_IDS.summary, 'rules'),
  };
}

/** Names need a model that reads the page's language; dates, numbers and links do not. */
async function tagEntities(text: string, sentences: readonly Span[], options: AnalyzeTextOptions, withheld?: Withheld): Promise<Entities> {
  const model = options.models?.entities;
  const named: Entity[] = withheld ? [] : model ? await model.tag(text, sentences) : findCapitalisedEntities(text, sentences);
  return {
    items: mergeEntities(findPatternEntities(text), named),
    ...(withheld ? { withheld } : {}),
    provenance: provenance(options.engine, model?.id ?? LITE_METHOD_IDS.entities, model?.backend ?? 'rules'),
  };
}

/** Running prose when the page has any; otherwise whatever is not page furniture. */
function keyPointCandidates(sentences: readonly Span[], structure: PageStructure): Span[] {
  const prose = sentences.filter((_, i) => structure.roles[i] === 'prose');
  return prose.length > 0 ? prose : judgedSentences(sentences, structure.roles);
}

async function flagBias(
  text: string,
  sentences: readonly Span[],
  structure: PageStructure,
  options: AnalyzeTextOptions,
  byLanguage?: Withheld,
): Promise<Bias> {
  const model = options.models?.bias;
  const result = (flags: Bias['flags'], withheld?: Bias['withheld']): Bias => ({
    flags: [...flags].sort((a, b) => a.start - b.start || a.end - b.end),
    ...(withheld ? { withheld } : {}),
    provenance: provenance(options.engine, model?.id ?? LITE_METHOD_IDS.bias, model?.backend ?? 'rules'),
  });
  const withheld = byLanguage ?? biasWithheldFor(structure.profile);
  if (withheld) return result([], withheld);
  const judged = judgedSentences(sentences, structure.roles);
  const headings = sentences.filter((_, i) => structure.roles[i] === 'heading').map((s) => s.text);
  return result(await flagBiasLite(text, judged, { model, title: options.page?.title, headings }));
}

function provenance(engine: Provenance['engine'], model: string, backend: string): Provenance {
  return { engine, tier: 'lite', model, backend };
}

function throwIfCancelled(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw new LoupeError('cancelled', 'Analysis cancelled: the tab was closed or a newer request replaced it.');
}
