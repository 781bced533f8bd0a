import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueEntry, CatalogueFile, Dtype } from '../../shared/models/catalogue-schema';
import type { PullProgress } from '../../shared/models/pull-progress';
import { hubFileUrl, maxFileBytes, selectModelFiles } from '../../shared/models/select-model-files';
import { LoupeError } from '../../shared/protocol/errors';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { downloadFile, HttpStatusError, OversizeError, type FetchLike } from './download-file';
import { hashFile, type FileDigest } from './hash-file';
import type { DigestMemo } from './digest-memo';
import { readManifest, writeManifest, type Manifest } from './model-manifest';
import { filePath, partialPath, revisionDir } from './model-paths';
import { removeIfPresent } from './remove-if-present';

export interface PullContext {
  cacheDir: string;
  mirror: string;
  fetch: FetchLike;
  clock: Clock;
  logger: Logger;
  retries: number;
  retryDelayMs: number;
  memo: DigestMemo;
  /**
   * Accept files for which neither the catalogue nor an earlier pull records a sha256 (their
   * digest is recorded then, and checked from then on). Off unless the user asks for it.
   */
  allowUnverified: boolean;
}

export type HubEntry = CatalogueEntry & { source: Extract<CatalogueEntry['source'], { kind: 'huggingface' }> };

interface FileJob {
  ctx: PullContext;
  entry: HubEntry;
  dir: string;
  file: CatalogueFile;
  emit: (event: PullProgress) => void;
}

function downloadError(job: FileJob, url: string, error: unknown, completed: number): LoupeError {
  const { entry, ctx } = job;
  if (error instanceof HttpStatusError) {
    return new LoupeError(
      'model-missing',
      `Could not download ${job.file.path} of ${entry.id}: ${url} answered ${error.status} ${error.statusText}. ` +
        `The mirror (LOUPE_MODEL_MIRROR=${ctx.mirror}) must serve the Hugging Face layout <mirror>/<repo>/resolve/<revision>/<file>; ` +
        'unset LOUPE_MODEL_MIRROR to use https://huggingface.co.',
      { cause: error },
    );
  }
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new LoupeError(
    'model-missing',
    `Download of ${job.file.path} of ${entry.id} from ${url} failed after ${completed} bytes (${reason}). ` +
      `Check the connection to ${ctx.mirror} (LOUPE_MODEL_MIRROR), then run \`loupe models pull ${entry.id}\` again: it resumes where it stopped.`,
    { cause: error },
  );
}

function oversizeError(job: FileJob, error: OversizeError): LoupeError {
  const recorded = job.file.size === undefined ? 'the limit for a file whose size the catalogue does not record' : `its ${job.file.size}-byte size in the catalogue`;
  return new LoupeError(
    'model-corrupt',
    `${job.file.path} of ${job.entry.id}: the mirror sent or announced ${error.received} bytes, more than ${recorded}; the download was discarded. ` +
      `The mirror (LOUPE_MODEL_MIRROR=${job.ctx.mirror}) serves a different file: check it, or unset LOUPE_MODEL_MIRROR to use https://huggingface.co.`,
  );
}

function unverifiedError(job: FileJob): LoupeError {
  return new LoupeError(
    'model-missing',
    `${job.file.path} of ${job.entry.id} has no sha256 in Loupe's model catalogue, so Loupe cannot check what the mirror sends and does not install it. ` +
      `Run \`loupe models pull ${job.entry.id} --allow-unverified\` to accept it anyway: its digest is then recorded and checked from then on.`,
  );
}

function corruptError(job: FileJob, expected: string, actual: string): LoupeError {
  return new LoupeError(
    'model-corrupt',
    `${job.file.path} of ${job.entry.id} failed its checksum (expected ${expected}, got ${actual}); the download was discarded. ` +
      `Run \`loupe models pull ${job.entry.id}\` to fetch it again; if this repeats, the mirror (LOUPE_MODEL_MIRROR=${job.ctx.mirror}) serves different bytes.`,
  );
}

/** The digest of the file already in place when it matches one we trust (catalogue or first pull). */
async function keepExisting(job: FileJob, final: string, expected: string | undefined): Promise<FileDigest | undefined> {
  const present = await stat(final).catch(() => undefined);
  if (!present) return undefined;
  job.emit({ status: 'verifying', id: job.entry.id, file: job.file.path });
  const sized = job.file.size === undefined || present.size === job.file.size;
  const digest = sized ? await hashFile(final) : undefined;
  if (digest && expected !== undefined && digest.sha256 === expected) return digest;
  job.ctx.logger.warn(`${job.file.path} of ${job.entry.id} does not match a size and digest Loupe trusts; fetching it again`);
  await removeIfPresent(final);
  return undefined;
}

async function download(job: FileJob, url: string, partial: string): Promise<void> {
  const { ctx, entry, file, emit } = job;
  let completed = 0;
  try {
    await downloadFile({
      url, partial, fetch: ctx.fetch, retries: ctx.retries, retryDelayMs: ctx.retryDelayMs,
      maxBytes: maxFileBytes(file), ...(file.size === undefined ? {} : { expectedSize: file.size }),
      onProgress: (done, total) => {
        completed = done;
        emit({ status: 'downloading', id: entry.id, file: file.path, completed: done, ...(total === undefined ? {} : { total }) });
      },
    });
  } catch (error) {
    throw error instanceof OversizeError ? oversizeError(job, error) : downloadError(job, url, error, completed);
  }
}

/** Downloads the file, then checks its size and digest, whatever the server said; only then renames it into place. */
async function fetchAndCheck(job: FileJob, final: string, expected: string | undefined): Promise<FileDigest> {
  const { ctx, entry, file, emit } = job;
  if (expected === undefined && !ctx.allowUnverified) throw unverifiedError(job);
  const url = hubFileUrl(ctx.mirror, entry.source.repo, entry.source.revision, file.path);
  const partial = partialPath(final);
  await mkdir(path.dirname(final), { recursive: true });
  await download(job, url, partial);
  emit({ status: 'verifying', id: entry.id, file: file.path });
  const { size } = await stat(partial);
  if (file.size !== undefined && size !== file.size) {
    await removeIfPresent(partial);
    throw corruptError(job, `${file.size} bytes`, `${size} bytes`);
  }
  const digest = await hashFile(partial);
  const wanted = expected ?? digest.sha256;
  if (digest.sha256 !== wanted) {
    await removeIfPresent(partial);
    throw corruptError(job, `sha256 ${wanted}`, `sha256 ${digest.sha256}, ${digest.size} bytes`);
  }
  await rename(partial, final);
  return digest;
}

async function ensureFile(job: FileJob, manifest: Manifest): Promise<void> {
  const { entry, file, dir, ctx } = job;
  const final = filePath(dir, file.path);
  const recorded = manifest.files[file.path];
  const expected = file.sha256 ?? recorded?.sha256;
  const kept = await keepExisting(job, final, expected);
  const digest = kept ?? (await fetchAndCheck(job, final, expected));
  if (!kept || recorded?.sha256 !== digest.sha256) {
    manifest.files[file.path] = { size: digest.size, sha256: digest.sha256, recordedAt: new Date(ctx.clock.now()).toISOString() };
    await writeManifest(dir, manifest);
  }
  await ctx.memo.remember(final, digest.sha256);
  job.emit({ status: 'done', id: entry.id, file: file.path, total: digest.size, completed: digest.size });
}

/**
 * Makes every file `entry` needs for `dtype` present and checked under
 * `<cacheDir>/models/<repo>/<revision>/`, downloading what is missing or does not match.
 * Each accepted file is recorded in the manifest at once, so an interrupted pull keeps its work.
 */
export async function pullModelFiles(ctx: PullContext, entry: HubEntry, dtype: Dtype | undefined, emit: (event: PullProgress) => void): Promise<Manifest> {
  const files = selectModelFiles(entry, dtype);
  const { repo, revision } = entry.source;
  const dir = revisionDir(ctx.cacheDir, repo, revision);
  const manifest: Manifest = (await readManifest(dir)) ?? { version: 1, id: entry.id, repo, revision, files: {} };
  emit({ status: 'resolving', id: entry.id });
  for (const file of files) await ensureFile({ ctx, entry, dir, file, emit }, manifest);
  emit({ status: 'success', id: entry.id });
  return manifest;
}
