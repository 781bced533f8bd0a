import type { ModelCacheLike } from '../../../../extension/engine/full/model-cache';

/** The Cache API's match/put/delete/keys over a Map, keeping bodies as bytes so each match is fresh. */
export function memoryModelCache(): ModelCacheLike & { urls(): string[] } {
  const entries = new Map<string, { body: Uint8Array<ArrayBuffer>; headers: [string, string][] }>();
  return {
    async match(url) {
      const found = entries.get(url);
      return found ? new Response(found.body.slice(), { headers: found.headers }) : undefined;
    },
    async put(url, response) {
      entries.set(url, { body: new Uint8Array(await response.arrayBuffer()), headers: [...response.headers] });
    },
    async delete(url) {
      return entries.delete(url);
    },
    async keys() {
      return [...entries.keys()].map((url) => ({ url }));
    },
    urls: () => [...entries.keys()].sort(),
  };
}
