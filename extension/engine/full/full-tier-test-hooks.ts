import type { FullTierTestHooks } from '../../entrypoints/background/test-hooks';
import type { KeyValueArea } from '../../lib/settings';
import { deleteFromThisBrowser, downloadForThisBrowser } from './download-for-browser';
import type { EngineHost } from '../engine-host-protocol';
import { listInstalled, openModelCache } from './model-cache';
import { saveModelMirror } from './model-mirror';

/** The Options → Models actions, callable from e2e tests through the background. */
export function fullTierTestHooks(area: KeyValueArea, engine: Pick<EngineHost, 'hello'>): FullTierTestHooks {
  return {
    setModelMirror: (mirror) => saveModelMirror(area, mirror),
    downloadModel: (id, dtype) => downloadForThisBrowser(id, dtype ? { dtype } : {}),
    installedModels: async () => listInstalled(await openModelCache()),
    deleteModel: (id) => deleteFromThisBrowser(id),
    fullEngineInfo: async () => (await engine.hello()).full,
  };
}
