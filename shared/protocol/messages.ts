import { z } from 'zod';
import { INPUT_LIMITS } from '../limits';
import { AnalysisSchema, ImageDescriptionSchema, TextTaskSchema } from './results';
import { WireErrorSchema } from './errors';
import { PageHintsSchema } from './page-hints';

/** Bumped on any incompatible change to the messages below. */
export const PROTOCOL_VERSION = 1;

/** Request ids are short ASCII tokens, so they can also head a binary frame byte for byte. */
export const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'ids are 1-64 characters of A-Z a-z 0-9 _ . : -');

/** Analyse plain text (the extension sends the article text it captured). */
export const AnalyzeParamsSchema = z.strictObject({
  text: z.string().max(INPUT_LIMITS.maxTextChars),
  tasks: z.array(TextTaskSchema).min(1),
  /** Prefer this tier when the engine has it; lite is always the fallback. */
  tier: z.enum(['lite', 'full']).default('lite'),
  summarySentences: z.number().int().min(1).max(20).optional(),
  /** What the capture knows about the page besides its text (title, language, block roles...). */
  page: PageHintsSchema.optional(),
});
export type AnalyzeParams = z.infer<typeof AnalyzeParamsSchema>;

/** Describe an image: the bytes arrive in the binary frame that follows (see binary-frame.ts). */
export const DescribeImageParamsSchema = z.strictObject({
  /** Context captured around the image in the page. */
  context: ImageDescriptionSchema.shape.context,
  tier: z.enum(['lite', 'full']).default('lite'),
  /** Byte length of the image that follows in a binary frame with the same id. */
  byteLength: z.number().int().positive().max(INPUT_LIMITS.maxImageBytes),
  mimeType: z.string().max(100).optional(),
});
export type DescribeImageParams = z.infer<typeof DescribeImageParamsSchema>;

const envelope = { v: z.literal(PROTOCOL_VERSION), id: RequestIdSchema };

/** Messages the extension sends to the daemon. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...envelope, type: z.literal('hello'), client: z.string().max(200) }),
  z.strictObject({ ...envelope, type: z.literal('ping') }),
  z.strictObject({ ...envelope, type: z.literal('analyze'), params: AnalyzeParamsSchema }),
  z.strictObject({ ...envelope, type: z.literal('describe-image'), params: DescribeImageParamsSchema }),
  /** Stop the work started by request `target` (e.g. its tab closed). */
  z.strictObject({ ...envelope, type: z.literal('cancel'), target: RequestIdSchema }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const EngineInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  protocol: z.number().int(),
  /** Execution provider the daemon runs networks on, and why it was chosen. */
  device: z.strictObject({ backend: z.string(), reason: z.string() }),
  /** Models available (lite ones always; full ones once pulled). */
  models: z.array(z.strictObject({ id: z.string(), task: z.string(), tier: z.enum(['lite', 'full']) })),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

export const ResultPayloadSchema = z.union([
  z.strictObject({ kind: z.literal('hello'), engine: EngineInfoSchema }),
  z.strictObject({ kind: z.literal('pong') }),
  z.strictObject({ kind: z.literal('analysis'), analysis: AnalysisSchema }),
  z.strictObject({ kind: z.literal('image'), description: ImageDescriptionSchema }),
  z.strictObject({ kind: z.literal('cancelled'), target: RequestIdSchema }),
]);
export type ResultPayload = z.infer<typeof ResultPayloadSchema>;

/** Messages the daemon sends back. `id` is the request's id (or null when the frame had none). */
export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    v: z.literal(PROTOCOL_VERSION),
    type: z.literal('result'),
    id: RequestIdSchema,
    ok: z.literal(true),
    result: ResultPayloadSchema,
  }),
  z.strictObject({
    v: z.literal(PROTOCOL_VERSION),
    type: z.literal('error'),
    id: RequestIdSchema.nullable(),
    ok: z.literal(false),
    error: WireErrorSchema,
  }),
  z.strictObject({
    v: z.literal(PROTOCOL_VERSION),
    type: z.literal('progress'),
    id: RequestIdSchema,
    /** Stable stage name, e.g. `summary` or `chunk`. */
    stage: z.string(),
    completed: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
