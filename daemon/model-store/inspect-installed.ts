import { stat } from 'node:fs/promises';
import type { Dtype } from '../../shared/models/catalogue-schema';
import type { VerifiedBy } from '../../shared/models/file-check';
import { availableDtypes, selectModelFiles } from '../../shared/models/select-model-files';
import type { DigestMemo } from './digest-memo';
import { hashFile } from './hash-file';
import { type Manifest, readManifest } from './model-manifest';
import { filePath, revisionDir } from './model-paths';
import type { HubEntry } from './pull-context';

export interface InstalledState {
  id: string;
  revision: string;
  /** `installed`: at least one dtype complete; `partial`: files recorded but no dtype complete. */
  state: 'installed' | 'partial' | 'absent';
  /** Dtypes whose every file is recorded and on disk. */
  dtypes: Dtype[];
  sizeBytes: number;
  /** How many of the files on disk each source vouches for. */
  verification: Record<VerifiedBy, number>;
}

/**
 * What vouches for an installed file now: a sha256 the catalogue pins is checked at every load,
 * whatever vouched at download; otherwise what the manifest recorded (older manifests say
 * nothing: those files were accepted unverified).
 */
export function verifiedByOf(entry: HubEntry, path: string, record: Manifest['files'][string]): VerifiedBy {
  if (entry.files.find((f) => f.path === path)?.sha256 !== undefined) return 'catalogue';
  return record.verifiedBy ?? 'unverified';
}

async function presentFiles(dir: string, manifest: Manifest): Promise<Set<string>> {
  const present = new Set<string>();
  for (const [path, record] of Object.entries(manifest.files)) {
    const info = await stat(filePath(dir, path)).catch(() => undefined);
    if (info && info.size === record.size) present.add(path);
  }
  return present;
}

/** What is on disk for `entry`, from its manifest and file sizes (no hashing: cheap enough for `GET /`). */
export async function inspectInstalled(cacheDir: string, entry: HubEntry): Promise<InstalledState> {
  const { repo, revision } = entry.source;
  const dir = revisionDir(cacheDir, repo, revision);
  const manifest = await readManifest(dir);
  const base = { id: entry.id, revision };
  const verification: InstalledState['verification'] = { catalogue: 0, mirror: 0, unverified: 0 };
  if (!manifest || Object.keys(manifest.files).length === 0) return { ...base, state: 'absent', dtypes: [], sizeBytes: 0, verification };
  const present = await presentFiles(dir, manifest);
  const dtypes = availableDtypes(entry).filter((d) => selectModelFiles(entry, d).every((f) => present.has(f.path)));
  let sizeBytes = 0;
  for (const path of present) {
    const record = manifest.files[path]!;
    sizeBytes += record.size;
    verification[verifiedByOf(entry, path, record)]++;
  }
  return { ...base, state: dtypes.length > 0 ? 'installed' : 'partial', dtypes, sizeBytes, verification };
}

export interface VerifyReport {
  id: string;
  revision: string;
  files: { path: string; status: 'ok' | 'corrupt' | 'missing'; verifiedBy: VerifiedBy }[];
}

/**
 * Re-hashes every file recorded for `entry` and compares it with the catalogue digest, or the
 * one recorded when it was installed. Undefined when nothing of the model was ever installed.
 */
export async function verifyInstalled(cacheDir: string, memo: DigestMemo, entry: HubEntry): Promise<VerifyReport | undefined> {
  const { repo, revision } = entry.source;
  const dir = revisionDir(cacheDir, repo, revision);
  const manifest = await readManifest(dir);
  if (!manifest) return undefined;
  memo.forgetUnder(dir);
  const files: VerifyReport['files'] = [];
  for (const [path, record] of Object.entries(manifest.files)) {
    const absolute = filePath(dir, path);
    const expected = entry.files.find((f) => f.path === path)?.sha256 ?? record.sha256;
    const verifiedBy = verifiedByOf(entry, path, record);
    if (!(await stat(absolute).catch(() => undefined))) {
      files.push({ path, status: 'missing', verifiedBy });
      continue;
    }
    const ok = (await hashFile(absolute)).sha256 === expected;
    if (ok) await memo.remember(absolute, expected);
    files.push({ path, status: ok ? 'ok' : 'corrupt', verifiedBy });
  }
  return { id: entry.id, revision, files };
}
