import type { FullEngine } from '../../../daemon/full/full-engine';
import { FULL_MODEL_IDS } from '../../../daemon/full/full-engine';
import type { FullTier } from '../../../daemon/full-routing/start-full-tier';
import type { InstalledModels } from '../../../daemon/full-routing/installed-models';
import type { FullTask } from '../../../shared/full/full-runtime';
import type { Provenance } from '../../../shared/protocol/results';

export const provenanceOf = (task: FullTask): Provenance => ({
  engine: 'daemon',
  tier: 'full',
  model: FULL_MODEL_IDS[task],
  backend: 'cpu',
});

/** Engine methods a test replaces; the rest fail loudly if called. */
export type FakeEngineParts = Partial<Pick<FullEngine, 'summarize' | 'tagEntities' | 'caption' | 'flagBias' | 'classify'>>;

const unexpected = (name: string) => async () => {
  throw new Error(`the fake engine's ${name} was not expected to run`);
};

/** A full tier whose engine is `parts` and whose installed models are `installed`. */
export function fakeFullTier(parts: FakeEngineParts, installed: string[] = Object.values(FULL_MODEL_IDS)): FullTier {
  const engine: FullEngine = {
    summarize: unexpected('summarize'),
    tagEntities: unexpected('tagEntities'),
    caption: unexpected('caption'),
    flagBias: unexpected('flagBias'),
    classify: unexpected('classify'),
    ...parts,
    loaded: () => [],
    evictIdle: async () => [],
    close: async () => undefined,
  };
  const list = installed.map((id) => ({
    id,
    task: (Object.entries(FULL_MODEL_IDS).find(([, v]) => v === id)?.[0] ?? 'summary') as FullTask,
    tier: 'full' as const,
    revision: 'main',
    dtypes: ['q8' as const],
    sizeBytes: 1,
  }));
  const models: InstalledModels = {
    snapshot: () => list,
    refresh: async () => list,
    forEngineInfo: () => list.map(({ id, task, tier }) => ({ id, task, tier })),
  };
  return {
    device: { backend: 'cpu', reason: 'LOUPE_DEVICE=cpu' },
    engine,
    installed: models,
    modelIds: FULL_MODEL_IDS,
    close: async () => undefined,
  };
}
