import { createHash } from 'node:crypto';
import { CatalogueEntrySchema, type CatalogueEntry } from '../../../../shared/models/catalogue-schema';

export const MIRROR = 'http://127.0.0.1:9999';
export const REVISION = 'a'.repeat(40);
const REPO = 'Xenova/bert-base-NER';
const RESOLVE = `${MIRROR}/${REPO}/resolve/${REVISION}/`;
const TREE = `${MIRROR}/api/models/${REPO}/tree/${REVISION}`;

export const FILES: Record<string, Uint8Array> = {
  'config.json': new TextEncoder().encode('{"model_type":"bert"}'),
  'tokenizer.json': new TextEncoder().encode('{"model":{}}'),
  'onnx/model_quantized.onnx': new Uint8Array(70_000).map((_, i) => i % 251),
  'onnx/model.onnx': new Uint8Array(90_000),
};
export const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const gitBlobId = (bytes: Uint8Array) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/** bert-base-NER with this test's files; the catalogue pins sizes and one digest only when asked. */
export function entry(overrides: { sizes?: boolean; digest?: string } = {}): CatalogueEntry {
  const file = (path: string, dtype?: 'q8' | 'fp32') => ({
    path,
    ...(dtype ? { dtype } : {}),
    ...(overrides.sizes ? { size: FILES[path]!.byteLength } : {}),
    ...(path === 'onnx/model_quantized.onnx' && overrides.digest ? { sha256: overrides.digest } : {}),
  });
  return CatalogueEntrySchema.parse({
    id: REPO,
    task: 'entities',
    tier: 'full',
    runsOn: 'both',
    source: { kind: 'huggingface', repo: REPO, revision: REVISION },
    licence: 'MIT',
    why: 'test',
    defaultDtype: 'q8',
    files: [file('config.json'), file('tokenizer.json'), file('onnx/model.onnx', 'fp32'), file('onnx/model_quantized.onnx', 'q8')],
  });
}

export interface MirrorOptions {
  /** Bodies served, by path (default {@link FILES}). */
  serve?: Record<string, Uint8Array>;
  /** What the mirror declares each file to be, when it differs from what it serves. */
  declare?: Record<string, Uint8Array>;
  /** A plain file server: no digests in headers and no `/api` tree. */
  plain?: boolean;
}

const isLfs = (path: string) => path.endsWith('.onnx');

// What a browser's fetch hands back for a redirect it was told not to follow: no status, no headers.
const OPAQUE_REDIRECT = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;

function treeListing(folder: string, files: Record<string, Uint8Array>) {
  return Object.entries(files)
    .filter(([path]) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '') === folder)
    .map(([path, bytes]) => ({
      type: 'file',
      path,
      oid: gitBlobId(bytes),
      size: isLfs(path) ? 134 : bytes.length,
      ...(isLfs(path) ? { lfs: { oid: sha(bytes), size: bytes.length, pointerSize: 134 } } : {}),
    }));
}

/**
 * A mirror in the Hub's layout, seen through a browser's fetch: bodies arrive in 16 kB chunks;
 * HEAD of an LFS file is a redirect whose headers the browser cannot read, so its digest comes
 * from the tree listing; other files declare their git blob id as ETag. `asked`: body GETs.
 */
export function fakeMirror(options: MirrorOptions = {}) {
  const serve = options.serve ?? FILES;
  const declared = { ...serve, ...options.declare };
  const asked: string[] = [];
  const probed: string[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith(TREE)) {
      probed.push(url);
      if (options.plain) return new Response('not found', { status: 404 });
      return Response.json(treeListing(decodeURIComponent(url.slice(TREE.length + 1)), declared));
    }
    const path = url.startsWith(RESOLVE) ? url.slice(RESOLVE.length) : undefined;
    const body = path === undefined ? undefined : serve[path];
    if (init?.method === 'HEAD') {
      probed.push(url);
      if (!body || path === undefined) return new Response(null, { status: 404 });
      if (isLfs(path) && !options.plain) return OPAQUE_REDIRECT;
      return new Response(null, { headers: options.plain ? {} : { etag: `"${gitBlobId(declared[path]!)}"` } });
    }
    asked.push(url);
    if (!body) return new Response('not found', { status: 404 });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += 16_000) controller.enqueue(body.slice(i, i + 16_000));
        controller.close();
      },
    });
    return new Response(stream, { headers: { 'content-length': String(body.length) } });
  }) as typeof fetch;
  return { fetchFn, asked, probed };
}
