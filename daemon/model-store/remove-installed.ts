import { readdir, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { acquirePullLock } from './acquire-pull-lock';
import type { DigestMemo } from './digest-memo';
import { lockPath, repoDir } from './model-paths';
import type { HubEntry } from './pull-context';
import { removeIfPresent } from './remove-if-present';

/**
 * Deletes every downloaded revision of `entry`'s repository, after taking the pull lock so a
 * pull in another process is not cut from under it. False when nothing was there.
 */
export async function removeInstalled(cacheDir: string, memo: DigestMemo, entry: HubEntry, now: () => number): Promise<boolean> {
  const dir = repoDir(cacheDir, entry.source.repo);
  const release = await acquirePullLock(lockPath(cacheDir, entry.source.repo), entry.id, now);
  const existed = (await readdir(dir)).some((name) => name !== path.basename(lockPath(cacheDir, entry.source.repo)));
  await release();
  await removeIfPresent(dir);
  memo.forgetUnder(dir);
  // Drop the owner folder too when this was its last model; ENOTEMPTY just means it was not.
  await rmdir(path.dirname(dir)).catch(() => undefined);
  return existed;
}
