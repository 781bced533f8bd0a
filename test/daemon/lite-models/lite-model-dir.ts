import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LITE_MODELS_DIR } from '../../../daemon/lite-models/load-lite-models';

/** A temporary copy of the committed models/lite folder, for tests that break or remove files. */
export async function copyLiteModels(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-lite-'));
  for (const name of ['entities', 'bias']) await cp(path.join(DEFAULT_LITE_MODELS_DIR, name), path.join(dir, name), { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Awaits `promise` expecting it to fail; returns what it threw. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the promise to reject');
  return outcome;
}
