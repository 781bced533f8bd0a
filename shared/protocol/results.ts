import { z } from 'zod';
import { PageGenreSchema } from './page-hints';

/**
 * A stretch of the analysed text. `start`/`end` are UTF-16 offsets into the text that was
 * analysed, and `text` always equals `fullText.slice(start, end)`.
 */
export const SpanSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof SpanSchema>;

/** Which engine, tier and model produced a result: always shown to the user. */
export const ProvenanceSchema = z.strictObject({
  /** `browser`: the extension's own engine; `daemon`: the local daemon; `in-process`: the CLI. */
  engine: z.enum(['browser', 'daemon', 'in-process']),
  tier: z.enum(['lite', 'full']),
  /** Model or method id, e.g. `lite/summary-centrality@1` or `Xenova/distilbart-cnn-6-6`. */
  model: z.string().min(1),
  /** Execution backend when a network ran: `wasm`, `webgpu`, `cpu`, `cuda`; `rules` otherwise. */
  backend: z.string().min(1),
  /** Why the result came from here rather than where the user asked (fallbacks are visible). */
  note: z.string().optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * Why a task produced nothing on this page by design rather than by failure: Loupe does not
 * judge wording on a recipe, and its English models do not read German. Shown instead of results.
 */
export const WithheldSchema = z.strictObject({
  reason: z.enum(['genre', 'language']),
  /** What the reader is told, e.g. "This page looks like a recipe, so its wording is not judged." */
  message: z.string().min(1),
});
export type Withheld = z.infer<typeof WithheldSchema>;

/** One sentence of an extractive summary, in document order. */
export const SummarySentenceSchema = SpanSchema.extend({
  /** Salience in [0, 1]; higher is more central to the page. */
  score: z.number().min(0).max(1),
});
export type SummarySentence = z.infer<typeof SummarySentenceSchema>;

/** A summary: extractive sentences (lite) or, for the full tier, generated text. */
export const SummarySchema = z.strictObject({
  sentences: z.array(SummarySentenceSchema),
  /** Generated (abstractive) summary text from a full-tier model; absent for extractive ones. */
  generated: z.string().optional(),
  withheld: WithheldSchema.optional(),
  provenance: ProvenanceSchema,
});
export type Summary = z.infer<typeof SummarySchema>;

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY', 'EMAIL', 'URL'] as const;
export const EntityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const EntitySchema = SpanSchema.extend({
  type: EntityTypeSchema,
  /** Confidence in [0, 1]. */
  score: z.number().min(0).max(1),
  /** `model` (a trained tagger), `pattern` (dates, money...), `heuristic` (capitalised spans). */
  source: z.enum(['model', 'pattern', 'heuristic']),
});
export type Entity = z.infer<typeof EntitySchema>;

export const EntitiesSchema = z.strictObject({
  items: z.array(EntitySchema),
  withheld: WithheldSchema.optional(),
  provenance: ProvenanceSchema,
});
export type Entities = z.infer<typeof EntitiesSchema>;

/**
 * What a flag says about a passage. Word choice: loaded-language, name-calling, exaggeration,
 * framing-verb. Persuasion techniques: appeal-to-fear, doubt-casting, flag-waving,
 * causal-oversimplification, false-dilemma (with whataboutism). Sourcing: unattributed-claim, and
 * hedge (vague about who or how much; shown quietly). clickbait judges the page title against
 * its body. The one-line legend of each is `BIAS_CATEGORY_LEGEND` in shared/lite/bias-category-legend.ts.
 */
export const BIAS_CATEGORIES = [
  'loaded-language',
  'name-calling',
  'exaggeration',
  'framing-verb',
  'appeal-to-fear',
  'doubt-casting',
  'flag-waving',
  'causal-oversimplification',
  'false-dilemma',
  'unattributed-claim',
  'hedge',
  'clickbait',
] as const;
export const BiasCategorySchema = z.enum(BIAS_CATEGORIES);
export type BiasCategory = z.infer<typeof BiasCategorySchema>;

/** A word that triggered a flag, with how much it drove the score (model attribution or 1 for a rule). */
export const CueSchema = SpanSchema.extend({ weight: z.number() });
export type Cue = z.infer<typeof CueSchema>;

export const BiasFlagSchema = SpanSchema.extend({
  category: BiasCategorySchema,
  /** Strength in [0, 1]. */
  score: z.number().min(0).max(1),
  /** A plain-language reason the passage was flagged. */
  explanation: z.string().min(1),
  /** The words that triggered the flag, inside the span. */
  cues: z.array(CueSchema).min(1),
  /** A neutral rewording where one exists. */
  suggestion: z.string().optional(),
});
export type BiasFlag = z.infer<typeof BiasFlagSchema>;

export const BiasSchema = z.strictObject({
  flags: z.array(BiasFlagSchema),
  withheld: WithheldSchema.optional(),
  provenance: ProvenanceSchema,
});
export type Bias = z.infer<typeof BiasSchema>;

export const TEXT_TASKS = ['summary', 'entities', 'bias'] as const;
export const TextTaskSchema = z.enum(TEXT_TASKS);
export type TextTask = z.infer<typeof TextTaskSchema>;

/** The language a page is written in, and whether Loupe's models read it. */
export const PageLanguageSchema = z.strictObject({
  /** ISO 639-1 code, e.g. `en`, `de`; `und` when it could not be told. */
  code: z.string().min(2).max(35),
  /** Its English name, e.g. `German`. */
  name: z.string().min(1),
  /** `declared`: the page's own `lang`; `detected`: read from the text. */
  source: z.enum(['declared', 'detected']),
  /** Whether Loupe's entity and bias models cover it. */
  supported: z.boolean(),
});
export type PageLanguage = z.infer<typeof PageLanguageSchema>;

/** What kind of page was analysed, which decides what Loupe judges on it. */
export const PageProfileSchema = z.strictObject({
  genre: PageGenreSchema,
  /** Why that genre, in words ("structured data says Recipe", "12 ingredient quantities"). */
  evidence: z.array(z.string()),
  language: PageLanguageSchema.optional(),
  /** Sentences judged as running prose (the others are headings, captions, credits, list items...). */
  proseSentences: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
});
export type PageProfile = z.infer<typeof PageProfileSchema>;

/**
 * Everything Loupe found in one text. Only the requested tasks are present. It carries spans,
 * not the text: their offsets index into the text the caller sent (and still holds), so the text
 * never travels back on the wire or into storage.
 */
export const AnalysisSchema = z.strictObject({
  page: PageProfileSchema.optional(),
  summary: SummarySchema.optional(),
  entities: EntitiesSchema.optional(),
  bias: BiasSchema.optional(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

/** An analysis with the text it indexes into: what `loupe analyze --json` prints for users. */
export const AnalysedTextSchema = AnalysisSchema.extend({
  /** The plain text that was analysed; every span's offsets index into it. */
  text: z.string(),
});
export type AnalysedText = z.infer<typeof AnalysedTextSchema>;

/** What Loupe can say about an image. Lite cannot generate a caption, and says so. */
export const ImageDescriptionSchema = z.strictObject({
  /** A generated caption (full tier only). */
  caption: z.string().optional(),
  /** Text found around the image: alt, figcaption, title, nearby text. Labelled as context. */
  context: z.array(z.strictObject({ source: z.enum(['alt', 'figcaption', 'title', 'nearby', 'filename']), text: z.string() })),
  /** Text read from the image's pixels (OCR). */
  ocrText: z.string().optional(),
  provenance: ProvenanceSchema,
});
export type ImageDescription = z.infer<typeof ImageDescriptionSchema>;
