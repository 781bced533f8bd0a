import { LoupeError } from '../../shared/protocol/errors';

export { notInstalledNote } from '../../shared/models/not-installed-note';

/** Provenance note of a lite result served because the full model failed (damaged files, runtime error). */
export function fullFailedNote(id: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Full model ${id} failed (${message.replace(/\s+/gu, ' ').slice(0, 300)}); used the lite tier`;
}

/** A cancellation must stop the request, never turn into a lite fallback. */
export function isCancellation(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof LoupeError && error.code === 'cancelled');
}
