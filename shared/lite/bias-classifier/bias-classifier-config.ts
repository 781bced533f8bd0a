import { z } from 'zod';

const CharNgramsSchema = z
  .strictObject({ min: z.number().int().min(1).max(8), max: z.number().int().min(1).max(8) })
  .refine((range) => range.min <= range.max, 'charNgrams.min must not exceed charNgrams.max');

/**
 * The clickbait head: page titles scored by the same graph, from hashed features in their own
 * id range `[offset, offset + size)`, plus one intercept feature that turns the graph's shared
 * bias into the head's own.
 */
export const ClickbaitHeadSchema = z.strictObject({
  offset: z.number().int().nonnegative(),
  size: z
    .number()
    .int()
    .min(16)
    .max(1 << 20),
  /** Feature id whose weight is the head's intercept minus the graph's bias; fed with value 1. */
  interceptId: z.number().int().nonnegative(),
  /** Probability at or above which a title reads as clickbait (tuned on a held-out part of the headlines). */
  threshold: z.number().gt(0).lt(1),
});
export type ClickbaitHead = z.infer<typeof ClickbaitHeadSchema>;

/**
 * Everything inference needs besides the ONNX weights: how each candidate word becomes feature
 * ids (which must match training exactly), the thresholds, and the clickbait head's id range.
 * Stored as models/lite/bias/classifier-config.json and validated on load.
 */
export const BiasClassifierConfigSchema = z.strictObject({
  /** Catalogue id with version, e.g. `lite/bias@2`; also the id passed to the TensorRunner. */
  modelId: z.string().min(1),
  /** The ONNX file beside this config. */
  modelFile: z.string().min(1),
  /** Hashed word-feature buckets: ids `[0, hashSize)`. */
  hashSize: z
    .number()
    .int()
    .min(16)
    .max(1 << 24),
  /** FNV-1a offset basis; changing it re-shuffles every bucket, so it is fixed at training. */
  hashSeed: z.number().int().nonnegative(),
  /** In-word character n-gram lengths (with `<` `>` word boundaries), or null for none. */
  charNgrams: CharNgramsSchema.nullable(),
  /** Value of each character n-gram feature (the word itself and its stem count 1). */
  charValue: z.number().nonnegative(),
  /** Value of the neighbouring-word features. */
  contextValue: z.number().nonnegative(),
  /** Probability at or above which a word counts as a loaded cue. */
  cueThreshold: z.number().gt(0).lt(1),
  /** A flag needs at least one cue rated this likely loaded: weak words together never make one. */
  strongCue: z.number().gt(0).lt(1),
  /** A sentence is flagged when 1 − Π(1 − p) over its cue words reaches this (tuned for precision). */
  threshold: z.number().gt(0).lt(1),
  /** At most this many cue words per flag. */
  maxCues: z.number().int().min(1).max(8),
  /** Total feature ids, pad excluded: the pad id is this number. */
  featureCount: z.number().int().positive(),
  clickbait: ClickbaitHeadSchema.optional(),
  /** How the weights were fitted, for the model card; inference ignores it. */
  training: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type BiasClassifierConfig = z.infer<typeof BiasClassifierConfigSchema>;

/** The id of the all-zero pad row: one past the last real feature. */
export function padFeatureId(config: BiasClassifierConfig): number {
  return config.featureCount;
}

/**
 * Validates a parsed classifier-config.json. Returns the config, or an error that says which
 * field is wrong and how to get a good file back.
 */
export function parseBiasClassifierConfig(json: unknown): { ok: true; value: BiasClassifierConfig } | { ok: false; error: string } {
  const parsed = BiasClassifierConfigSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  return {
    ok: false,
    error:
      `bias classifier config is invalid (${problems}) — restore models/lite/bias/classifier-config.json ` +
      'from git or retrain with `npm run train -- bias`',
  };
}
