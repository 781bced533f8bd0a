import { z } from 'zod';

/**
 * The config of lite/bias@1, the sentence classifier Loupe shipped before the name-blind word
 * model; kept so `npm run eval` can measure today's model beside it. Its cue-category names
 * are plain strings: categories that no longer exist simply match no cue.
 */
export const BiasClassifierV1ConfigSchema = z.strictObject({
  /** `lite/bias@1`; also the id passed to the TensorRunner. */
  modelId: z.string().min(1),
  /** The ONNX file beside this config. */
  modelFile: z.string().min(1),
  /** Hashed n-gram buckets: ids `[0, size)`. */
  hashSize: z
    .number()
    .int()
    .min(16)
    .max(1 << 24),
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
  cueCategories: z.array(z.string()),
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
export type BiasClassifierV1Config = z.infer<typeof BiasClassifierV1ConfigSchema>;

/** The id of the all-zero pad row: one past the last real feature. */
export function padFeatureId(config: BiasClassifierV1Config): number {
  return config.hashSize + config.cueCategories.length;
}
