import { rm } from 'node:fs/promises';

/** Deletes a file or folder; one that is already gone is not an error, anything else is. */
export async function removeIfPresent(target: string): Promise<void> {
  await rm(target, { recursive: true, force: true });
}
