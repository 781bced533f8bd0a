import { z } from 'zod';
import { BIAS_CATEGORIES } from '../../protocol/results';

/**
 * Everything inference needs besides the ONNX weights: how sentences become feature ids (which
 * must match training exactly), the decision threshold, and how many cue words a flag shows.
 * Stored as models/lite/bias/classifier-config.json and validated on load.
 */
export const BiasClassifierConfigSchema = z.strictObject({
  /** Catalogue id with version, e.g. `lite/bias@1`; also the id passed to the TensorRunner. */
  modelId: z.string().min(1),
  /** The ONNX file beside this config. */
  modelFile: z.string().min(1),
  /** Hashed n-gram buckets: ids `[0, size)`. */
  hashSize: z.number().int().min(16).max(1 << 24),
  /** FNV-1a offset basis; changing it re-shuffles every bucket, so it is fixed at training. */
  hashSeed: z.number().int().nonnegative(),
  /** Longest word n-gram (1 = unigrams, 2 = unigrams + bigrams). */
  maxNgram: z.number().int().min(1).max(3),
  /** In-word character n-gram lengths (with `<` `>` word boundaries), or null for none. */
  charNgrams: z
    .strictObject({ min: z.number().int().min(1).max(8), max: z.number().int().min(1).max(8) })
    .refine((range) => range.min <= range.max, 'charNgrams.min must not exceed charNgrams.max')
    .nullable(),
  /** Cue-lexicon categories counted as features, ids `hashSize + index`. */
  cueCategories: z.array(z.enum(BIAS_CATEGORIES)),
  /** Value of one cue-lexicon hit in its category feature (kept near an n-gram's scale so L2 treats them alike). */
  cueValue: z.number().positive(),
  /** Scale each sentence's binary n-gram values to unit length (long sentences do not score higher for length). */
  normalize: z.boolean(),
  /** Feature slots per sentence in the batched input; longer sentences keep their first ones. */
  maxFeatures: z.number().int().min(8).max(4096),
  /** Probability at or above which a sentence is flagged (tuned on BABE dev). */
  threshold: z.number().gt(0).lt(1),
  /** At most this many cue words per flag. */
  maxCues: z.number().int().min(1).max(8),
  /** A word must add at least this much to the logit to count as a cue. */
  minCueContribution: z.number().nonnegative(),
  /** How the weights were fitted, for the model card; inference ignores it. */
  training: z
    .strictObject({
      data: z.string(),
      l2: z.number().nonnegative(),
      naiveBayesAlpha: z.number().positive(),
      trainSentences: z.number().int().nonnegative(),
      devMacroF1: z.number().min(0).max(1),
    })
    .optional(),
});
export type BiasClassifierConfig = z.infer<typeof BiasClassifierConfigSchema>;

/** The id of the all-zero pad row: one past the last real feature. */
export function padFeatureId(config: BiasClassifierConfig): number {
  return config.hashSize + config.cueCategories.length;
}

/**
 * Validates a parsed classifier-config.json. Returns the config, or an error that says which
 * field is wrong and how to get a good file back.
 */
export function parseBiasClassifierConfig(
  json: unknown,
): { ok: true; value: BiasClassifierConfig } | { ok: false; error: string } {
  const parsed = BiasClassifierConfigSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return {
    ok: false,
    error:
      `bias classifier config is invalid (${problems}) — restore models/lite/bias/classifier-config.json ` +
      'from git or retrain with `npx tsx models/training/bias/train-bias.ts`',
  };
}
