import { z } from 'zod';
import { FEATURES_PER_TOKEN } from './extract-features';
import { NameLexiconFileSchema } from './name-lexicon';

/**
 * `models/lite/entities/tagger-config.json`: everything the tagger needs besides the ONNX
 * emission graph — labels (emission column order), BIO transition scores, the hashing
 * parameters the features were trained with, and the name lexicon built from the training data.
 */
export const TaggerConfigSchema = z.strictObject({
  format: z.literal('loupe-entity-tagger'),
  /** Catalogue id with version, reported as the entities' model. */
  modelId: z.string().min(1),
  labels: z.array(z.string().regex(/^(O|[BI]-[A-Z]+)$/)).min(2),
  /** `[from][to]` transition scores, labels × labels. */
  transitions: z.array(z.array(z.number())),
  /** Score of each label opening a sentence. */
  start: z.array(z.number()),
  hashing: z.strictObject({
    buckets: z.number().int().positive(),
    seed: z.number().int().nonnegative(),
    featuresPerToken: z.literal(FEATURES_PER_TOKEN),
  }),
  /** Hashed names, words of names and word case from the training data (see name-lexicon.ts). */
  lexicon: NameLexiconFileSchema,
  /** Divides scores before the softmax that yields each entity's confidence. */
  scoreTemperature: z.number().positive(),
  /** ONNX graph input (int64 `[tokens, featuresPerToken]`) and output (float32 `[tokens, labels]`). */
  io: z.strictObject({ input: z.string().min(1), output: z.string().min(1) }),
});
export type TaggerConfig = z.infer<typeof TaggerConfigSchema>;

/** Result of validating a tagger config. */
export type TaggerConfigResult = { ok: true; value: TaggerConfig } | { ok: false; error: string };

/**
 * Validates a parsed `tagger-config.json`, including that the transition table is
 * labels × labels (a mismatch means the config and model.onnx come from different trainings).
 */
export function parseTaggerConfig(json: unknown): TaggerConfigResult {
  const parsed = TaggerConfigSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: `invalid tagger-config.json: ${parsed.error.message} — rebuild it with \`npm run train -- entities\`` };
  }
  const { labels, transitions, start } = parsed.data;
  const square = transitions.length === labels.length && transitions.every((row) => row.length === labels.length);
  if (!square || start.length !== labels.length) {
    return {
      ok: false,
      error: `tagger-config.json transitions do not match its ${labels.length} labels — rebuild it with \`npm run train -- entities\``,
    };
  }
  if (parsed.data.lexicon.keyGaps.length !== parsed.data.lexicon.values.length) {
    return { ok: false, error: 'tagger-config.json lexicon has unpaired keys and values — rebuild it with `npm run train -- entities`' };
  }
  return { ok: true, value: parsed.data };
}
