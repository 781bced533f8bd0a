import type { z } from 'zod';

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Validates `input` against `schema` without throwing, and condenses zod's issues into one
 * readable line (`params.tasks: Invalid option...`) fit for a wire error or a CLI message.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const error = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`)
    .join('; ');
  return { ok: false, error };
}
