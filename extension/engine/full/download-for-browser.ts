import { browser } from 'wxt/browser';
import type { CatalogueEntry, Dtype } from '../../../shared/models/catalogue-schema';
import { LoupeError } from '../../../shared/protocol/errors';
import { downloadModel, type DownloadProgress } from './download-model';
import { chooseDownloadDtype, fullTierModels } from './download-plan';
import { announceModelsChanged, deleteModel, openModelCache, type InstalledModel } from './model-cache';
import { loadModelMirror } from './model-mirror';

interface AdapterLike {
  features?: { has(feature: string): boolean };
}
interface GpuWithFeatures {
  requestAdapter(): Promise<AdapterLike | null>;
}

/** What this browser can run full models on: WebGPU (and whether it has fp16 shaders) or WebAssembly. */
export async function detectFullBackend(
  gpu = (navigator as Navigator & { gpu?: GpuWithFeatures }).gpu,
): Promise<{ backend: 'webgpu' | 'wasm'; shaderF16: boolean }> {
  const adapter = await gpu?.requestAdapter().catch(() => null);
  if (!adapter) return { backend: 'wasm', shaderF16: false };
  return { backend: 'webgpu', shaderF16: adapter.features?.has('shader-f16') ?? false };
}

/** The weights Options downloads for `entry` in this browser. */
export async function dtypeForThisBrowser(entry: CatalogueEntry): Promise<Dtype> {
  const { backend, shaderF16 } = await detectFullBackend();
  return chooseDownloadDtype(entry, backend, shaderF16);
}

export function findFullModel(id: string): CatalogueEntry {
  const entry = fullTierModels().find((m) => m.id === id);
  if (!entry)
    throw new LoupeError(
      'bad-input',
      `Unknown full-tier model "${id}". Known: ${fullTierModels()
        .map((m) => m.id)
        .join(', ')}.`,
    );
  return entry;
}

/** Downloads `id` from the configured mirror into the model cache, with weights for this browser unless `dtype` is given. */
export async function downloadForThisBrowser(
  id: string,
  options: { dtype?: Dtype; onProgress?: (progress: DownloadProgress) => void; signal?: AbortSignal } = {},
): Promise<InstalledModel> {
  const entry = findFullModel(id);
  try {
    return await downloadModel(entry, {
      mirror: await loadModelMirror(browser.storage.local),
      dtype: options.dtype ?? (await dtypeForThisBrowser(entry)),
      cache: await openModelCache(),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    // Installed, or removed after a failure: either way what the background knows is stale.
    await announceModelsChanged(browser.storage.local);
  }
}

/** Options → Delete. */
export async function deleteFromThisBrowser(id: string): Promise<void> {
  await deleteModel(await openModelCache(), id);
  await announceModelsChanged(browser.storage.local);
}
