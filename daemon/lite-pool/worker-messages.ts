import { z } from 'zod';
import { WireErrorSchema } from '../../shared/protocol/errors';
import { AnalyzeParamsSchema } from '../../shared/protocol/messages';

/** What a lite worker is started with (its `workerData`). */
export const LiteWorkerDataSchema = z.strictObject({
  /** Shown in provenance. */
  engine: z.enum(['daemon', 'in-process']),
  /** `bundled`: Loupe's trained lite models from models/lite; `rules`: none (tests, fallbacks). */
  models: z.enum(['bundled', 'rules']),
});
export type LiteWorkerData = z.infer<typeof LiteWorkerDataSchema>;

/** The pool asks a worker for one analysis at a time. */
export const WorkerRequestSchema = z.strictObject({
  type: z.literal('analyze'),
  job: z.number().int(),
  params: AnalyzeParamsSchema,
});
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;

/**
 * A worker answers each job once, with its analysis as UTF-8 JSON (its buffer is transferred
 * to the main thread, not copied) or the error to send to the client.
 */
export const WorkerReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('result'), job: z.number().int(), json: z.instanceof(Uint8Array) }),
  z.strictObject({ type: z.literal('error'), job: z.number().int(), error: WireErrorSchema }),
]);
export type WorkerReply = z.infer<typeof WorkerReplySchema>;
