import { analyzeWithFull, describeWithFull, type FullUpgrade } from '../../shared/full/upgrade-with-full';
import { checkImageSize, type EngineDevice, type EngineHost } from './engine-host-protocol';
import type { BrowserFullEngine } from './full/browser-full-engine';
import { fullModelIds } from './full/full-models';
import type { LiteEngine } from './lite/browser-lite-engine';

export interface EngineHostDeps {
  lite: LiteEngine;
  /** Where the lite models and OCR run. */
  liteDevice?: () => Promise<EngineDevice>;
  /** The full tier (transformers.js), when this host has one. */
  full?: BrowserFullEngine;
  /** Ids of the full models downloaded in this browser, read once per request. */
  installed?: () => Promise<ReadonlySet<string>>;
}

const IN_THE_BROWSER = 'in the browser';
const NO_DEVICE: EngineDevice = { backend: 'wasm', reason: 'no model has run in this engine yet' };

/**
 * Runs the lite tier, then, for `tier: 'full'`, replaces each section whose full model is
 * downloaded with the full result (shared/full/upgrade-with-full, the daemon's policy): a model
 * that is not downloaded leaves the lite section as it is, a full-tier failure serves it with a
 * note naming it, and a cancellation stops everything.
 */
export function createEngineHost(deps: EngineHostDeps): EngineHost {
  const modelIds = fullModelIds();
  const upgradeWith = async (signal?: AbortSignal, page?: FullUpgrade['page']): Promise<FullUpgrade | undefined> => {
    if (!deps.full) return undefined;
    const installed = (await deps.installed?.().catch(() => undefined)) ?? new Set<string>();
    return { tasks: deps.full, modelIds, installed, where: IN_THE_BROWSER, ...(signal ? { signal } : {}), ...(page ? { page } : {}) };
  };

  return {
    async hello() {
      const [lite, full] = await Promise.all([deps.liteDevice?.() ?? NO_DEVICE, deps.full?.info() ?? NO_DEVICE]);
      return { lite, full };
    },
    async analyze(params, { signal } = {}) {
      const base = await deps.lite.analyze(params.text, params.tasks, {
        ...(params.summarySentences ? { summarySentences: params.summarySentences } : {}),
        ...(signal ? { signal } : {}),
        ...(params.page ? { page: params.page } : {}),
      });
      const up = params.tier === 'full' ? await upgradeWith(signal, params.page) : undefined;
      return up ? analyzeWithFull(base, params.text, up) : base;
    },
    async describeImage(params, image, { signal } = {}) {
      if (image) checkImageSize(image);
      const input = image ? { bytes: image, ...(params.mimeType ? { mimeType: params.mimeType } : {}) } : undefined;
      const lite = await deps.lite.describeImage(params.context, input);
      const up = input && params.tier === 'full' ? await upgradeWith(signal) : undefined;
      return up && input ? describeWithFull(lite, input, up) : lite;
    },
  };
}
