import { browser } from 'wxt/browser';
import type { FullTask } from '../../../shared/full/full-runtime';
import { fullModelIds } from './full-models';
import { installedModelIds, MODELS_CHANGED_KEY } from './model-cache';

/** Which full models this browser has downloaded, as routing needs to know before every request. */
export interface InstalledSnapshot {
  /** Whether the full model for `task` is downloaded, from the last snapshot (answers at once). */
  has(task: FullTask): Promise<boolean>;
  /** Reads the model cache again (after a download or delete). */
  refresh(): Promise<ReadonlySet<string>>;
}

/** A snapshot of the model cache: routing asks before every daemon request, so it must not wait on the Cache API there. */
export function createInstalledSnapshot(installed: () => Promise<ReadonlySet<string>> = installedModelIds): InstalledSnapshot {
  const ids = fullModelIds();
  let snapshot = installed().catch(() => new Set<string>());
  return {
    async has(task) {
      return (await snapshot).has(ids[task]);
    },
    refresh: () => {
      snapshot = installed();
      return snapshot;
    },
  };
}

/** Keeps `snapshot` current when Options (or a test hook) downloads or deletes a model. */
export function watchModelChanges(snapshot: Pick<InstalledSnapshot, 'refresh'>, storage = browser.storage): void {
  storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[MODELS_CHANGED_KEY]) void snapshot.refresh();
  });
}
