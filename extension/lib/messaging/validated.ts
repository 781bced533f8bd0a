import type { z } from 'zod';
import { LoupeError } from '../../../shared/protocol/errors';
import { validate } from '../../../shared/protocol/validate';

/**
 * Wraps a message handler so its payload is checked against `schema` first: messages cross a
 * trust boundary (a content script runs beside any page), so nothing is used unvalidated.
 */
export function validated<S extends z.ZodType, R, M extends { data?: unknown }>(
  schema: S,
  handler: (data: z.infer<S>, message: M) => R,
): (message: M) => R {
  return (message) => {
    const parsed = validate(schema, message.data);
    if (!parsed.ok) throw new LoupeError('bad-input', `Invalid message payload: ${parsed.error}`);
    return handler(parsed.value, message);
  };
}

/** Validates a reply from another context the same way. */
export function checkReply<S extends z.ZodType>(schema: S, reply: unknown, what: string): z.infer<S> {
  const parsed = validate(schema, reply);
  if (!parsed.ok) throw new LoupeError('internal', `Invalid reply to ${what}: ${parsed.error}`);
  return parsed.value;
}
