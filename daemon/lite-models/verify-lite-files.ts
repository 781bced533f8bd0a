import { access } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueEntry } from '../../shared/models/catalogue-schema';
import { LoupeError } from '../../shared/protocol/errors';
import { hashFile } from '../model-store/hash-file';
import { liteModelFix } from './ort-node-runner';

/** The outcome of checking a lite model's files against its catalogue entry. */
export type LiteFilesCheck = { ok: true; files: Record<string, string> } | { ok: false; missing: string };

/** How to bring a lite model's files back, or make the catalogue agree with a deliberate retrain. */
export function corruptFix(entry: Pick<CatalogueEntry, 'id'>): string {
  return `${liteModelFix(entry.id)}; after a deliberate retrain, record the new size and sha256 in the "${entry.id}" entry of models/catalogue.json`;
}

/**
 * Checks every file the catalogue lists for a lite model in `dir`. A missing file is reported
 * (the caller falls back to the rules); a file whose size or sha256 differs from the catalogue's
 * is refused, since a model that silently changed would give wrong answers.
 * Returns the absolute path of each file, by its catalogue path.
 * @throws LoupeError `model-corrupt` naming the file, both digests and the fix.
 */
export async function verifyLiteFiles(entry: CatalogueEntry, dir: string): Promise<LiteFilesCheck> {
  const files: Record<string, string> = {};
  for (const file of entry.files) {
    const absolute = path.join(dir, file.path);
    try {
      await access(absolute);
    } catch {
      return { ok: false, missing: absolute };
    }
    if (file.sha256 === undefined || file.size === undefined) {
      throw new LoupeError(
        'model-corrupt',
        `models/catalogue.json records no size and sha256 for ${entry.id} file ${file.path}, so ${absolute} cannot be checked — record them in the catalogue (\`sha256sum ${absolute}\`).`,
      );
    }
    const actual = await hashFile(absolute);
    if (actual.sha256 !== file.sha256 || actual.size !== file.size) {
      throw new LoupeError(
        'model-corrupt',
        `${absolute} failed its checksum (catalogue: ${file.size} bytes, sha256 ${file.sha256}; file: ${actual.size} bytes, sha256 ${actual.sha256}) — ${corruptFix(entry)}.`,
      );
    }
    files[file.path] = absolute;
  }
  return { ok: true, files };
}
