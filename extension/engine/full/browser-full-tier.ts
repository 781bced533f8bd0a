import { browser } from 'wxt/browser';
import type { FullTask } from '../../../shared/full/full-runtime';
import { analyzeWithFull, describeWithFull, fullFailedNote, type FullUpgrade } from '../../../shared/full/upgrade-with-full';
import type { BrowserEngine } from '../../entrypoints/background/browser-engine';
import type { FullEngineClient } from './full-engine-client';
import { fullModelIds } from './full-models';
import { listInstalled, MODELS_CHANGED_KEY, openModelCache } from './model-cache';

export interface BrowserFullTierDeps {
  lite: BrowserEngine;
  full: FullEngineClient;
  /** Ids of the models downloaded in this browser (default: the model cache's manifests). */
  installed?: () => Promise<ReadonlySet<string>>;
}

/**
 * The browser engine with the full tier on top: what the router runs "in the browser". Images
 * get a generated caption when the caption model is downloaded (and their bytes could be read).
 */
export interface BrowserFullTier extends BrowserEngine {
  /** Whether the full model for `task` is downloaded, from the last snapshot (answers at once). */
  has(task: FullTask): Promise<boolean>;
  /** Reads the model cache again (after a download or delete). */
  refresh(): Promise<ReadonlySet<string>>;
}

const IN_THE_BROWSER = 'in the browser';

export function browserFullFailedNote(id: string, error: unknown): string {
  return fullFailedNote(id, error, IN_THE_BROWSER);
}

async function installedInCache(): Promise<ReadonlySet<string>> {
  return new Set((await listInstalled(await openModelCache())).map((m) => m.id));
}

/** Keeps `tier`'s snapshot current when Options (or a test hook) downloads or deletes a model. */
export function watchModelChanges(tier: Pick<BrowserFullTier, 'refresh'>, storage = browser.storage): void {
  storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[MODELS_CHANGED_KEY]) void tier.refresh();
  });
}

/**
 * Runs the lite tier, then replaces each section whose full model is downloaded with the full
 * result (shared/full/upgrade-with-full, the daemon's policy): a model that is not downloaded
 * leaves the lite section as it is, a full-tier failure serves it with a note naming it, and a
 * cancellation stops everything.
 */
export function createBrowserFullTier(deps: BrowserFullTierDeps): BrowserFullTier {
  const modelIds = fullModelIds();
  const installed = deps.installed ?? installedInCache;
  // Routing asks before every daemon request: it must not wait on the Cache API there.
  let snapshot = installed().catch(() => new Set<string>());
  const refresh = () => (snapshot = installed());
  const upgradeWith = (have: ReadonlySet<string>, options: Pick<FullUpgrade, 'signal' | 'page'> = {}): FullUpgrade => ({
    tasks: deps.full, modelIds, installed: have, where: IN_THE_BROWSER, ...options,
  });

  return {
    async has(task) { return (await snapshot).has(modelIds[task]); },
    refresh,
    async analyze(text, tasks, options = {}) {
      const base = await deps.lite.analyze(text, tasks, options);
      return analyzeWithFull(base, text, upgradeWith(await refresh(), {
        ...(options.signal ? { signal: options.signal } : {}), ...(options.page ? { page: options.page } : {}),
      }));
    },
    async describeImage(context, image) {
      const lite = await deps.lite.describeImage(context, image);
      if (!image) return lite;
      return describeWithFull(lite, image, upgradeWith(await refresh()));
    },
  };
}
