import { z } from 'zod';
import type { CatalogueEntry, CatalogueFile, Dtype } from '../../../shared/models/catalogue-schema';
import { hubFileUrl } from '../../../shared/models/select-model-files';
import { LoupeError } from '../../../shared/protocol/errors';
import { downloadPlan } from './download-plan';
import { cachedFileUrl, deleteModel, writeManifest, type InstalledModel, type ModelCacheLike } from './model-cache';

/** Progress of one model download, as Options draws it. */
export const DownloadProgressSchema = z.strictObject({
  id: z.string(),
  file: z.string(),
  fileIndex: z.number().int().nonnegative(),
  fileCount: z.number().int().positive(),
  /** Bytes received so far, all files together. */
  completed: z.number().int().nonnegative(),
  /** Bytes of the whole download, when the catalogue records every size. */
  total: z.number().int().nonnegative().optional(),
  status: z.enum(['downloading', 'verifying', 'done']),
});
export type DownloadProgress = z.infer<typeof DownloadProgressSchema>;

export interface DownloadOptions {
  /** `https://huggingface.co` or a local mirror with the same `/<repo>/resolve/<revision>/<file>` layout. */
  mirror: string;
  dtype: Dtype;
  cache: ModelCacheLike;
  fetch?: typeof fetch;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
}

type Received = { bytes: Uint8Array<ArrayBuffer>; sha256: string };

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchFile(url: string, mirror: string, options: DownloadOptions): Promise<Response> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { signal: options.signal, cache: 'no-store' });
  } catch (error) {
    if (options.signal?.aborted) throw new LoupeError('cancelled', 'The download was cancelled.');
    throw new LoupeError('model-missing', `Could not reach ${mirror} — check your connection or set a local mirror in Options.`, {
      cause: error,
    });
  }
  if (!response.ok || !response.body) {
    throw new LoupeError(
      'model-missing',
      `${url} answered HTTP ${response.status}: the mirror ${mirror} does not serve this model file — check the model mirror in Options.`,
    );
  }
  return response;
}

/** Reads a body to the end, reporting each chunk's size. */
async function readBody(body: ReadableStream<Uint8Array>, onChunk: (size: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    onChunk(value.byteLength);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function checkFile(entry: CatalogueEntry, file: CatalogueFile, received: Received): void {
  const fix = 'the download was damaged or the mirror serves another revision — download it again, or check the model mirror in Options';
  if (file.size !== undefined && received.bytes.byteLength !== file.size) {
    throw new LoupeError(
      'model-corrupt',
      `${entry.id}: ${file.path} is ${received.bytes.byteLength} bytes, the catalogue says ${file.size}; ${fix}.`,
    );
  }
  if (file.sha256 && received.sha256 !== file.sha256) {
    throw new LoupeError(
      'model-corrupt',
      `${entry.id}: ${file.path} failed its sha256 check (got ${received.sha256}, expected ${file.sha256}); ${fix}.`,
    );
  }
}

/**
 * Downloads `entry`'s files for `dtype` from the mirror into the model cache, streaming with
 * progress and checking each file's size and sha256 where the catalogue records them. Each
 * file enters the cache only once complete and checked, and the model counts as installed only
 * when the manifest is written after the last one; any failure removes what was stored.
 */
export async function downloadModel(entry: CatalogueEntry, options: DownloadOptions): Promise<InstalledModel> {
  if (entry.source.kind !== 'huggingface') throw new LoupeError('bad-input', `${entry.id} ships with Loupe; there is nothing to download.`);
  const { repo, revision } = entry.source;
  const plan = downloadPlan(entry, options.dtype);
  const mirror = options.mirror.replace(/\/+$/, '');
  let completed = 0;
  const report = (file: string, fileIndex: number, status: DownloadProgress['status']) =>
    options.onProgress?.({
      id: entry.id,
      file,
      fileIndex,
      fileCount: plan.files.length,
      completed,
      status,
      ...(plan.bytes !== undefined ? { total: plan.bytes } : {}),
    });
  await deleteModel(options.cache, entry.id);
  try {
    const stored: InstalledModel['files'] = [];
    for (const [index, file] of plan.files.entries()) {
      report(file.path, index, 'downloading');
      const response = await fetchFile(hubFileUrl(mirror, repo, revision, file.path), mirror, options);
      const bytes = await readBody(response.body!, (size) => {
        completed += size;
        report(file.path, index, 'downloading');
      });
      report(file.path, index, 'verifying');
      const received = { bytes, sha256: await sha256Hex(bytes) };
      checkFile(entry, file, received);
      await options.cache.put(
        cachedFileUrl(entry.id, file.path),
        new Response(bytes, {
          headers: {
            'content-length': String(bytes.byteLength),
            'content-type': response.headers.get('content-type') ?? 'application/octet-stream',
          },
        }),
      );
      stored.push({ path: file.path, size: bytes.byteLength, sha256: received.sha256 });
    }
    const installed: InstalledModel = {
      id: entry.id,
      revision,
      dtype: options.dtype,
      files: stored,
      bytes: stored.reduce((sum, f) => sum + f.size, 0),
      installedAt: (options.now ?? Date.now)(),
    };
    await writeManifest(options.cache, installed);
    report(plan.files.at(-1)?.path ?? '', plan.files.length - 1, 'done');
    return installed;
  } catch (error) {
    await deleteModel(options.cache, entry.id);
    if (options.signal?.aborted && !(error instanceof LoupeError && error.code === 'cancelled')) {
      throw new LoupeError('cancelled', `The download of ${entry.id} was cancelled.`, { cause: error });
    }
    throw error;
  }
}
