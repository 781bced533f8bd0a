import { stat } from 'node:fs/promises';
import type { Dtype } from '../../shared/models/catalogue-schema';
import { selectModelFiles } from '../../shared/models/select-model-files';
import { LoupeError } from '../../shared/protocol/errors';
import type { DigestMemo } from './digest-memo';
import { hashFile } from './hash-file';
import { readManifest } from './model-manifest';
import { filePath, modelsRoot, partialPath, revisionDir } from './model-paths';
import type { HubEntry } from './pull-context';

/** Where a checked, complete model lies on disk. */
export interface ResolvedModel {
  id: string;
  revision: string;
  dtype: Dtype;
  /** `<cacheDir>/models/<repo>/<revision>`, in the repository's own layout. */
  dir: string;
  /** For transformers.js: `env.localModelPath = localModelPath`, then load `localModelId`. */
  localModelPath: string;
  localModelId: string;
  /** Absolute path of every file the model needs, by its path in the repository. */
  files: Record<string, string>;
}

function pullCommand(entry: HubEntry, dtype: Dtype): string {
  return `loupe models pull ${entry.id}${dtype === entry.defaultDtype ? '' : ` --dtype ${dtype}`}`;
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/**
 * The absolute paths of `entry`'s files for `dtype`, each present, recorded in the manifest and
 * matching its digest. Throws `model-missing` (absent or partly downloaded) or `model-corrupt`
 * (digest mismatch): a partial or damaged file is never handed to a runtime.
 */
export async function resolveInstalled(
  cacheDir: string,
  memo: DigestMemo,
  entry: HubEntry,
  dtype: Dtype = entry.defaultDtype,
): Promise<ResolvedModel> {
  const { repo, revision } = entry.source;
  const dir = revisionDir(cacheDir, repo, revision);
  const needed = selectModelFiles(entry, dtype);
  const manifest = await readManifest(dir);
  const files: Record<string, string> = {};
  for (const file of needed) {
    const absolute = filePath(dir, file.path);
    const record = manifest?.files[file.path];
    if (!record || !(await exists(absolute))) {
      const partly = (await exists(partialPath(absolute))) ? ' (its download was interrupted)' : '';
      throw new LoupeError('model-missing', `Model ${entry.id} is not installed${partly} — run \`${pullCommand(entry, dtype)}\``);
    }
    const expected = file.sha256 ?? record.sha256;
    if (record.sha256 !== expected || !(await memo.vouches(absolute, expected))) {
      const digest = await hashFile(absolute);
      if (digest.sha256 !== expected) {
        throw new LoupeError(
          'model-corrupt',
          `Model ${entry.id} failed its checksum (${file.path} is damaged) — run \`${pullCommand(entry, dtype)}\` to fetch it again`,
        );
      }
      await memo.remember(absolute, expected);
    }
    files[file.path] = absolute;
  }
  return { id: entry.id, revision, dtype, dir, localModelPath: modelsRoot(cacheDir), localModelId: `${repo}/${revision}`, files };
}
