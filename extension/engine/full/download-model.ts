import { z } from 'zod';
import type { CatalogueEntry, CatalogueFile, Dtype } from '../../../shared/models/catalogue-schema';
import { describeCheckSource, type FileCheck, findMismatch, planFileCheck, type Validation } from '../../../shared/models/file-check';
import { hashModelFile } from '../../../shared/models/hash-model-file';
import { hubFileUrl, maxFileBytes } from '../../../shared/models/select-model-files';
import { LoupeError } from '../../../shared/protocol/errors';
import { downloadPlan } from './download-plan';
import { fetchFromMirror, type MirrorRequest, missingFileError } from './fetch-from-mirror';
import { mirrorDeclarations } from './mirror-declarations';
import { cachedFileUrl, deleteModel, type InstalledModel, type ModelCacheLike, writeManifest } from './model-cache';
import { subtleHash } from './subtle-hash';

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

const FIX = 'download it again, or check the model mirror in Options (https://huggingface.co is the Hub itself)';

/** What `file` must match; refused before any download when the mirror contradicts the catalogue or nothing gives a digest. */
function checkFor(entry: CatalogueEntry, file: CatalogueFile, planned: Validation<FileCheck>, mirror: string): FileCheck {
  if (!planned.ok)
    throw new LoupeError('model-corrupt', `${entry.id}: ${file.path}: ${planned.error}, so Loupe does not download it — ${FIX}.`);
  const check = planned.value;
  if (check.sha256 === undefined && check.gitBlobSha1 === undefined) {
    throw new LoupeError(
      'model-missing',
      `${entry.id}: ${file.path}: Loupe's catalogue pins no sha256 for it and the mirror ${mirror} declares no digest ` +
        "(no X-Linked-Etag or ETag, and no entry in the Hub's /api tree listing), so Loupe cannot check it and does not install it — " +
        "use https://huggingface.co as the model mirror in Options, or a mirror that passes on the Hub's headers.",
    );
  }
  if (check.size?.from === 'mirror' && check.size.bytes > maxFileBytes(file)) {
    throw new LoupeError(
      'model-corrupt',
      `${entry.id}: the mirror declares ${check.size.bytes} bytes for ${file.path}, over Loupe's limit of ${maxFileBytes(file)}; ${FIX}.`,
    );
  }
  return check;
}

/** Reads a body to the end, reporting each chunk's size; stops, and throws, past `maxBytes`. */
async function readBody(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  onChunk: (size: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      throw new RangeError(`more than ${maxBytes} bytes`);
    }
    chunks.push(value);
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

async function fetchChecked(
  url: string,
  entry: CatalogueEntry,
  file: CatalogueFile,
  check: FileCheck,
  request: MirrorRequest,
  onChunk: (size: number) => void,
) {
  const response = await fetchFromMirror(url, request);
  if (!response.ok || !response.body) throw missingFileError(url, response.status, request);
  const limit = check.size?.bytes ?? maxFileBytes(file);
  const bytes = await readBody(response.body, limit, onChunk).catch((error: unknown) => {
    if (!(error instanceof RangeError)) throw error;
    const stated = check.size ? `the ${limit} bytes in ${describeCheckSource(check.size.from)}` : `Loupe's limit of ${limit} bytes`;
    throw new LoupeError('model-corrupt', `${entry.id}: the mirror sent more of ${file.path} than ${stated}; ${FIX}.`);
  });
  return { bytes, contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
}

async function verified(entry: CatalogueEntry, file: CatalogueFile, check: FileCheck, bytes: Uint8Array<ArrayBuffer>) {
  const hashes = await hashModelFile([bytes], bytes.byteLength, subtleHash, { gitBlob: check.gitBlobSha1 !== undefined });
  const mismatch = findMismatch(check, hashes);
  if (mismatch) {
    throw new LoupeError(
      'model-corrupt',
      `${entry.id}: ${file.path} failed its check against ${describeCheckSource(mismatch.from)} (expected ${mismatch.expected}, got ${mismatch.actual}); ${FIX}.`,
    );
  }
  return {
    path: file.path,
    size: hashes.size,
    sha256: hashes.sha256,
    verifiedBy: check.verifiedBy,
    ...(check.declared ? { declared: check.declared } : {}),
  };
}

/**
 * Downloads `entry`'s files for `dtype` from the mirror into the model cache, streaming with
 * progress. First it asks the mirror what each file is (see `mirrorDeclarations`); each file is
 * then held to the size and sha256 the catalogue pins or, where it pins none, to what the mirror
 * declared, and capped at that size while it streams. Each file enters the cache only once
 * complete and checked, and the model counts as installed only when the manifest is written after
 * the last one; any failure removes what was stored.
 */
export async function downloadModel(entry: CatalogueEntry, options: DownloadOptions): Promise<InstalledModel> {
  if (entry.source.kind !== 'huggingface') throw new LoupeError('bad-input', `${entry.id} ships with Loupe; there is nothing to download.`);
  const { repo, revision } = entry.source;
  const plan = downloadPlan(entry, options.dtype);
  const request: MirrorRequest = { ...options, mirror: options.mirror.replace(/\/+$/, '') };
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
    const declared = mirrorDeclarations(request, repo, revision);
    const checks: FileCheck[] = [];
    // Every file is checkable, or none is downloaded.
    for (const file of plan.files)
      checks.push(checkFor(entry, file, planFileCheck(file, await declared(file.path), revision), request.mirror));
    const stored: InstalledModel['files'] = [];
    for (const [index, file] of plan.files.entries()) {
      report(file.path, index, 'downloading');
      const url = hubFileUrl(request.mirror, repo, revision, file.path);
      const { bytes, contentType } = await fetchChecked(url, entry, file, checks[index]!, request, (size) => {
        completed += size;
        report(file.path, index, 'downloading');
      });
      report(file.path, index, 'verifying');
      stored.push(await verified(entry, file, checks[index]!, bytes));
      const headers = { 'content-length': String(bytes.byteLength), 'content-type': contentType };
      await options.cache.put(cachedFileUrl(entry.id, file.path), new Response(bytes, { headers }));
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
