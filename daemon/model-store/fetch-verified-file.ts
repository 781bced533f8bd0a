import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DeclaredDigest, DeclaredFile } from '../../shared/models/declared-file';
import { type FileCheck, findMismatch, type Mismatch, planFileCheck, sizeMismatch, type VerifiedBy } from '../../shared/models/file-check';
import type { FileHashes } from '../../shared/models/hash-model-file';
import { hubFileUrl, maxFileBytes } from '../../shared/models/select-model-files';
import { downloadFile, OversizeError } from './download-file';
import { hashFile } from './hash-file';
import { partialPath } from './model-paths';
import type { FileJob } from './pull-context';
import { corruptError, downloadError, mismatchError, oversizeError, unverifiedError } from './pull-errors';
import { probeDeclaredFile } from './probe-declared-file';
import { removeIfPresent } from './remove-if-present';

/** A file that passed its checks and lies in place, with what vouched for it. */
export interface VerifiedFile {
  hashes: FileHashes;
  verifiedBy: VerifiedBy;
  declared?: DeclaredDigest;
}

async function declaredBy(job: FileJob, url: string): Promise<DeclaredFile> {
  const { ctx } = job;
  try {
    return await probeDeclaredFile({ url, fetch: ctx.fetch, retries: ctx.retries, retryDelayMs: ctx.retryDelayMs });
  } catch (error) {
    throw downloadError(job, url, error, 0);
  }
}

/** The checks this download must pass; throws when the mirror contradicts them or, unasked, when nothing gives a digest. */
async function planCheck(job: FileJob, url: string, recorded: string | undefined): Promise<FileCheck> {
  const { ctx, entry, file } = job;
  const planned = planFileCheck(file, await declaredBy(job, url), entry.source.revision, recorded);
  if (!planned.ok) throw mismatchError(job, planned.error);
  const check = planned.value;
  if (check.sha256 === undefined && check.gitBlobSha1 === undefined && !ctx.allowUnverified) throw unverifiedError(job, url);
  // A declared size may cap the download more tightly than the stated limit, never more loosely.
  if (check.size?.from === 'mirror' && check.size.bytes > maxFileBytes(file)) {
    throw oversizeError(job, new OversizeError(url, maxFileBytes(file), check.size.bytes), undefined);
  }
  return check;
}

async function download(job: FileJob, url: string, partial: string, check: FileCheck): Promise<void> {
  const { ctx, entry, file, emit } = job;
  let completed = 0;
  const size = check.size?.bytes;
  try {
    await downloadFile({
      url,
      partial,
      fetch: ctx.fetch,
      retries: ctx.retries,
      retryDelayMs: ctx.retryDelayMs,
      maxBytes: size ?? maxFileBytes(file),
      ...(size === undefined ? {} : { expectedSize: size }),
      onProgress: (done, total) => {
        completed = done;
        emit({ status: 'downloading', id: entry.id, file: file.path, completed: done, ...(total === undefined ? {} : { total }) });
      },
    });
  } catch (error) {
    throw error instanceof OversizeError ? oversizeError(job, error, check.size) : downloadError(job, url, error, completed);
  }
}

async function discard(job: FileJob, partial: string, mismatch: Mismatch): Promise<never> {
  await removeIfPresent(partial);
  throw corruptError(job, mismatch);
}

/** The downloaded bytes' hashes when they are the file expected (a wrong size is refused unhashed); otherwise they are discarded. */
async function verifyPartial(job: FileJob, partial: string, check: FileCheck): Promise<FileHashes> {
  const wrongSize = sizeMismatch(check, (await stat(partial)).size);
  if (wrongSize) return discard(job, partial, wrongSize);
  const hashes = await hashFile(partial, { gitBlob: check.gitBlobSha1 !== undefined });
  const mismatch = findMismatch(check, hashes);
  return mismatch ? discard(job, partial, mismatch) : hashes;
}

/**
 * Asks the mirror what the file is (see `probeDeclaredFile`), downloads it, and checks its size
 * and digests against the catalogue, the mirror's declaration and `recorded` (the sha256 of an
 * earlier install) — what those first answers said, whatever later ones say — and only then
 * renames it into place as `final`.
 */
export async function fetchVerifiedFile(job: FileJob, final: string, recorded: string | undefined): Promise<VerifiedFile> {
  const { ctx, entry, file, emit } = job;
  const url = hubFileUrl(ctx.mirror, entry.source.repo, entry.source.revision, file.path);
  const check = await planCheck(job, url, recorded);
  const partial = partialPath(final);
  await mkdir(path.dirname(final), { recursive: true });
  await download(job, url, partial, check);
  emit({ status: 'verifying', id: entry.id, file: file.path });
  const hashes = await verifyPartial(job, partial, check);
  await rename(partial, final);
  return { hashes, verifiedBy: check.verifiedBy, ...(check.declared ? { declared: check.declared } : {}) };
}
