import { z } from 'zod';
import { DtypeSchema, ModelFilePathSchema, Sha256Schema } from '../../../shared/models/catalogue-schema';

/** The Cache API bucket holding downloaded full-tier models (shared by every extension page). */
export const MODEL_CACHE_NAME = 'loupe-models-v1';

/**
 * Cached files are keyed by this origin, not by the mirror they came from: a model stays
 * installed when the user switches mirrors, and transformers.js is pointed at it as its
 * `localModelPath`. `.invalid` never resolves, so nothing here can reach the network.
 */
export const MODEL_ORIGIN = 'https://models.loupe.invalid';

const MANIFEST = '.loupe-installed.json';

/** What a complete download left in the cache; written last, so its presence means "installed". */
export const InstalledModelSchema = z.strictObject({
  id: z.string().min(1),
  revision: z.string().min(1),
  dtype: DtypeSchema,
  files: z.array(z.strictObject({ path: ModelFilePathSchema, size: z.number().int().nonnegative(), sha256: Sha256Schema })),
  bytes: z.number().int().nonnegative(),
  installedAt: z.number(),
});
export type InstalledModel = z.infer<typeof InstalledModelSchema>;

/** The part of a Web Cache the model store uses (an in-memory fake in tests). */
export interface ModelCacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
  delete(request: string): Promise<boolean>;
  keys(): Promise<ReadonlyArray<{ url: string }>>;
}

/**
 * storage.local key bumped after every download or delete: the Cache API has no change events,
 * and the background keeps a snapshot of what is installed so that routing never waits on it.
 */
export const MODELS_CHANGED_KEY = 'fullModelsChangedAt';

export async function announceModelsChanged(area: { set(items: Record<string, unknown>): Promise<void> }, now = Date.now()): Promise<void> {
  await area.set({ [MODELS_CHANGED_KEY]: now });
}

export function cachedFileUrl(id: string, path: string): string {
  return `${MODEL_ORIGIN}/${id}/${path}`;
}

export function openModelCache(): Promise<ModelCacheLike> {
  return caches.open(MODEL_CACHE_NAME);
}

export async function writeManifest(cache: ModelCacheLike, model: InstalledModel): Promise<void> {
  await cache.put(
    cachedFileUrl(model.id, MANIFEST),
    new Response(JSON.stringify(model), { headers: { 'content-type': 'application/json' } }),
  );
}

/** The installed model with `id`, or undefined (also when its manifest is damaged). */
export async function readInstalled(cache: ModelCacheLike, id: string): Promise<InstalledModel | undefined> {
  const response = await cache.match(cachedFileUrl(id, MANIFEST));
  if (!response) return undefined;
  const parsed = InstalledModelSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data : undefined;
}

/** Every complete download in the cache. */
export async function listInstalled(cache: ModelCacheLike): Promise<InstalledModel[]> {
  const ids = (await cache.keys())
    .map(({ url }) => url)
    .filter((url) => url.startsWith(`${MODEL_ORIGIN}/`) && url.endsWith(`/${MANIFEST}`))
    .map((url) => decodeURI(url.slice(MODEL_ORIGIN.length + 1, -MANIFEST.length - 1)));
  const found = await Promise.all(ids.map((id) => readInstalled(cache, id)));
  return found.filter((m): m is InstalledModel => m !== undefined);
}

/** Ids of the complete downloads in the browser's model cache. */
export async function installedModelIds(): Promise<ReadonlySet<string>> {
  return new Set((await listInstalled(await openModelCache())).map((m) => m.id));
}

/** Removes every cached file of `id` (manifest first, so a half-deleted model is never "installed"). */
export async function deleteModel(cache: ModelCacheLike, id: string): Promise<void> {
  await cache.delete(cachedFileUrl(id, MANIFEST));
  const prefix = `${MODEL_ORIGIN}/${id}/`;
  const keys = (await cache.keys()).map(({ url }) => url).filter((url) => decodeURI(url).startsWith(prefix));
  await Promise.all(keys.map((url) => cache.delete(url)));
}
