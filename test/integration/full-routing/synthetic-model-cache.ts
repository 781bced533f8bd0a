import { readFile, rm, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FULL_MODEL_IDS } from '../../../daemon/full/full-engine';
import { createMemoryLogger } from '../../../daemon/logger';
import { loadCatalogue } from '../../../daemon/model-store/load-catalogue';
import { createModelStore, type ModelStore } from '../../../daemon/model-store/model-store';
import { CatalogueSchema, type Catalogue } from '../../../shared/models/catalogue-schema';
import { buildSyntheticModelsInTemp } from '../../fixtures/synthetic-models/build-synthetic-models';
import { startFakeHub, type FakeHub } from '../model-store/fake-hub';

/**
 * The real catalogue without its recorded digests and sizes: the synthetic stand-ins keep the
 * real repos, revisions and file names, but not the real bytes, so the store checks them against
 * the digests the local mirror declares, as it does for catalogue files not pinned yet.
 */
export function syntheticCatalogue(): Catalogue {
  const catalogue = loadCatalogue();
  return CatalogueSchema.parse({
    ...catalogue,
    models: catalogue.models.map((m) =>
      m.tier === 'full' ? { ...m, files: m.files.map(({ path: p, dtype }) => ({ path: p, ...(dtype ? { dtype } : {}) })) } : m,
    ),
  });
}

export interface SyntheticModelCache {
  cacheDir: string;
  catalogue: Catalogue;
  /** The real model store over `cacheDir`, pulling from `hub`. */
  store: ModelStore;
  /** A local server in the Hugging Face layout holding every synthetic model. */
  hub: FakeHub;
  close(): Promise<void>;
}

async function hubFilesFor(catalogue: Catalogue, dirs: Record<string, string>): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const entry of catalogue.models) {
    const dir = dirs[entry.id];
    if (entry.source.kind !== 'huggingface' || !dir) continue;
    for (const file of entry.files) {
      const bytes = await readFile(path.join(dir, file.path)).catch(() => undefined);
      if (bytes) files[`/${entry.source.repo}/resolve/${entry.source.revision}/${file.path}`] = bytes;
    }
  }
  return files;
}

/**
 * Builds the synthetic full-tier models, serves them from a local mirror, and pulls `pull`
 * (default: all four catalogue models) into a fresh cache dir through the real model store.
 */
export async function createSyntheticModelCache(pull: readonly string[] = Object.values(FULL_MODEL_IDS)): Promise<SyntheticModelCache> {
  const built = await buildSyntheticModelsInTemp();
  const catalogue = syntheticCatalogue();
  const hub = await startFakeHub(await hubFilesFor(catalogue, built.dirs));
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-full-cache-'));
  const store = createModelStore({ cacheDir, mirror: hub.url, catalogue, retryDelayMs: 0, logger: createMemoryLogger() });
  for (const id of pull) await store.pullModel(id);
  return {
    cacheDir,
    catalogue,
    store,
    hub,
    async close() {
      await hub.close();
      await rm(cacheDir, { recursive: true, force: true });
      await rm(built.root, { recursive: true, force: true });
    },
  };
}
