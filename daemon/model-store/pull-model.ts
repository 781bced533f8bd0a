import { stat } from 'node:fs/promises';
import type { Dtype } from '../../shared/models/catalogue-schema';
import type { PullProgress } from '../../shared/models/pull-progress';
import { selectModelFiles } from '../../shared/models/select-model-files';
import { fetchVerifiedFile, type VerifiedFile } from './fetch-verified-file';
import { hashFile } from './hash-file';
import { type Manifest, readManifest, writeManifest } from './model-manifest';
import { filePath, revisionDir } from './model-paths';
import type { FileJob, HubEntry, PullContext } from './pull-context';
import { removeIfPresent } from './remove-if-present';

/** The file already in place when it matches a digest we trust (catalogue or earlier install). */
async function keepExisting(job: FileJob, final: string, expected: string | undefined): Promise<VerifiedFile['hashes'] | undefined> {
  const present = await stat(final).catch(() => undefined);
  if (!present) return undefined;
  job.emit({ status: 'verifying', id: job.entry.id, file: job.file.path });
  const sized = job.file.size === undefined || present.size === job.file.size;
  const hashes = sized ? await hashFile(final) : undefined;
  if (hashes && expected !== undefined && hashes.sha256 === expected) return hashes;
  job.ctx.logger.warn(`${job.file.path} of ${job.entry.id} does not match a size and digest Loupe trusts; fetching it again`);
  await removeIfPresent(final);
  return undefined;
}

async function ensureFile(job: FileJob, manifest: Manifest): Promise<void> {
  const { entry, file, dir, ctx } = job;
  const final = filePath(dir, file.path);
  const recorded = manifest.files[file.path];
  const kept = await keepExisting(job, final, file.sha256 ?? recorded?.sha256);
  const fetched = kept ? undefined : await fetchVerifiedFile(job, final, recorded?.sha256);
  const hashes = kept ?? fetched!.hashes;
  if (fetched || recorded?.sha256 !== hashes.sha256) {
    manifest.files[file.path] = {
      size: hashes.size,
      sha256: hashes.sha256,
      recordedAt: new Date(ctx.clock.now()).toISOString(),
      verifiedBy: fetched?.verifiedBy ?? (file.sha256 !== undefined ? 'catalogue' : (recorded?.verifiedBy ?? 'unverified')),
      ...(fetched?.declared ? { declared: fetched.declared } : {}),
    };
    await writeManifest(dir, manifest);
  }
  await ctx.memo.remember(final, hashes.sha256);
  job.emit({ status: 'done', id: entry.id, file: file.path, total: hashes.size, completed: hashes.size });
}

/**
 * Makes every file `entry` needs for `dtype` present and checked under
 * `<cacheDir>/models/<repo>/<revision>/`, downloading what is missing or does not match.
 * Each accepted file is recorded in the manifest at once, so an interrupted pull keeps its work.
 */
export async function pullModelFiles(
  ctx: PullContext,
  entry: HubEntry,
  dtype: Dtype | undefined,
  emit: (event: PullProgress) => void,
): Promise<Manifest> {
  const files = selectModelFiles(entry, dtype);
  const { repo, revision } = entry.source;
  const dir = revisionDir(ctx.cacheDir, repo, revision);
  const manifest: Manifest = (await readManifest(dir)) ?? { version: 1, id: entry.id, repo, revision, files: {} };
  emit({ status: 'resolving', id: entry.id });
  for (const file of files) await ensureFile({ ctx, entry, dir, file, emit }, manifest);
  emit({ status: 'success', id: entry.id });
  return manifest;
}
