import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Sha256Schema } from '../../shared/models/catalogue-schema';
import { DeclaredDigestSchema } from '../../shared/models/declared-file';
import { VerifiedBySchema } from '../../shared/models/file-check';
import { manifestPath } from './model-paths';

/** What the store knows about one installed revision: the digest of every file it accepted, and what vouched for it. */
export const ManifestSchema = z.strictObject({
  version: z.literal(1),
  id: z.string(),
  repo: z.string(),
  revision: z.string(),
  files: z.record(
    z.string(),
    z.strictObject({
      size: z.number().int().nonnegative(),
      sha256: Sha256Schema,
      /** ISO time the file was accepted. */
      recordedAt: z.string(),
      /** What the bytes were checked against; absent in manifests of Loupe versions before the check was recorded. */
      verifiedBy: VerifiedBySchema.optional(),
      /** The digest the mirror declared for the file, when it declared one. */
      declared: DeclaredDigestSchema.optional(),
    }),
  ),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/**
 * The manifest of `dir`, or undefined when there is none. A manifest that fails validation is
 * treated as absent (every file is then re-checked or fetched again), never trusted.
 */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let raw: string;
  try {
    raw = await readFile(manifestPath(dir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Truncated JSON from a crash mid-write of an older Loupe: same as no manifest.
    return undefined;
  }
}

/** Writes the manifest through a temporary file and a rename, so readers never see half of it. */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = manifestPath(dir);
  const temp = path.join(dir, `.loupe-manifest.${process.pid}.${Date.now()}.tmp`);
  await writeFile(temp, JSON.stringify(ManifestSchema.parse(manifest), null, 2) + '\n');
  await rename(temp, target);
}
