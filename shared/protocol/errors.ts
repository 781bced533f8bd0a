import { z } from 'zod';

/** The closed set of error codes that cross the wire. */
export const ERROR_CODES = [
  'bad-frame', // not JSON, or not a valid message: the connection stays open
  'frame-too-large', // a frame over the socket's byte limit
  'input-too-large', // over a limit of shared/limits.ts (characters, sentences, image bytes); the message names it
  'unsupported-version',
  'unknown-task',
  'bad-input', // a valid message whose content cannot be processed (e.g. not an image)
  'no-article', // the page had no readable text
  'model-missing', // a model file is absent: pull it
  'model-corrupt', // a model file failed its checksum: pull it again
  'cancelled',
  'timeout',
  'overloaded', // the daemon's queue is full: retry after `retryAfterMs`
  'unauthorized',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const WireErrorSchema = z.strictObject({
  code: ErrorCodeSchema,
  /** What went wrong and how to fix it, in words a user can act on. */
  message: z.string().min(1),
  /** With `overloaded`: how long to wait before sending the request again. */
  retryAfterMs: z.number().int().positive().optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;

/** An error with a wire code. Thrown on either side; serialised with {@link toWireError}. */
export class LoupeError extends Error {
  readonly code: ErrorCode;
  /** See {@link WireError} `retryAfterMs`. */
  readonly retryAfterMs: number | undefined;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, options);
    this.name = 'LoupeError';
    this.code = code;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** Turns anything thrown into a wire error; unknown failures become `internal`. */
export function toWireError(error: unknown): WireError {
  if (error instanceof LoupeError) {
    return { code: error.code, message: error.message, ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message || 'Unknown error' };
}

/** Rebuilds a thrown error from a wire error, so callers can switch on `code`. */
export function fromWireError(error: WireError): LoupeError {
  return new LoupeError(error.code, error.message, error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {});
}
