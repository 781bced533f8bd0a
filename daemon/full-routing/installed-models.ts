import type { EngineInfo } from '../../shared/protocol/messages';
import type { Logger } from '../logger';
import type { InstalledModel, ModelStore } from '../model-store/model-store';

export interface InstalledModels {
  /** The last list read (`GET /` and `hello` must answer synchronously). */
  snapshot(): InstalledModel[];
  /** Reads the cache again: `loupe models pull` in another terminal shows up without a restart. */
  refresh(): Promise<InstalledModel[]>;
  /** The strict `{id, task, tier}` shape `EngineInfo.models` carries. */
  forEngineInfo(): EngineInfo['models'];
}

/** Tracks which full-tier models the store holds, cheaply (manifests and file sizes, no hashing). */
export function createInstalledModels(store: Pick<ModelStore, 'listInstalled'>, logger: Logger): InstalledModels {
  let last: InstalledModel[] = [];
  const refresh = async () => {
    try {
      last = await store.listInstalled();
    } catch (error) {
      // An unreadable cache means "nothing installed": requests then use lite and say so.
      logger.warn(`could not list installed models: ${error instanceof Error ? error.message : String(error)}`);
      last = [];
    }
    return last;
  };
  return {
    snapshot: () => last,
    refresh,
    forEngineInfo: () => last.map(({ id, task, tier }) => ({ id, task, tier })),
  };
}
