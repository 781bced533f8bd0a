import { z } from 'zod';
import type { CatalogueFile } from './catalogue-schema';
import type { DeclaredDigest, DeclaredFile } from './declared-file';
import type { FileHashes } from './hash-model-file';

/**
 * Who vouches for an installed file's bytes: Loupe's catalogue (a pinned sha256), the mirror's
 * declaration of the file at the pinned commit (the Hub's LFS sha256 or git blob id), or nobody
 * (installed on request as the mirror served it).
 */
export const VerifiedBySchema = z.enum(['catalogue', 'mirror', 'unverified']);
export type VerifiedBy = z.infer<typeof VerifiedBySchema>;

/** Who stated an expected value; `recorded`: the digest kept when the file was first installed. */
export type CheckSource = 'catalogue' | 'mirror' | 'recorded';

/** What one download must match before it is installed, each value with who stated it. */
export interface FileCheck {
  verifiedBy: VerifiedBy;
  size?: { bytes: number; from: CheckSource };
  sha256?: { hex: string; from: CheckSource };
  /** A git blob id; only a mirror declares one. */
  gitBlobSha1?: string;
  /** The mirror's declared digest, kept with the installed file. */
  declared?: DeclaredDigest;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * What a download of `file` must match, from the catalogue's pinned values and what the mirror
 * declared. Catalogue values win; a mirror that contradicts them (size, sha256, or the commit it
 * answers for) is refused before anything is downloaded. A git blob id cannot be compared with a
 * sha256 before download, so it is checked after, alongside it. `recordedSha256`, the digest
 * kept from an earlier install, binds like the catalogue's when the catalogue has none.
 * `verifiedBy` is `unverified` when neither catalogue nor mirror gives a digest.
 */
export function planFileCheck(
  file: Pick<CatalogueFile, 'size' | 'sha256'>,
  declared: DeclaredFile,
  revision: string,
  recordedSha256?: string,
): Validation<FileCheck> {
  if (declared.commit !== undefined && declared.commit !== revision) {
    return { ok: false, error: `the mirror answers for commit ${declared.commit}, not the pinned ${revision}` };
  }
  if (file.size !== undefined && declared.size !== undefined && file.size !== declared.size) {
    return { ok: false, error: `the mirror declares ${declared.size} bytes, Loupe's catalogue pins ${file.size}` };
  }
  const digest = declared.digest;
  if (file.sha256 !== undefined && digest?.algorithm === 'sha256' && digest.hex !== file.sha256) {
    return { ok: false, error: `the mirror declares sha256 ${digest.hex}, Loupe's catalogue pins ${file.sha256}` };
  }
  const recorded = file.sha256 === undefined ? recordedSha256 : undefined;
  if (recorded !== undefined && digest?.algorithm === 'sha256' && digest.hex !== recorded) {
    return { ok: false, error: `the mirror declares sha256 ${digest.hex}, Loupe recorded ${recorded} when it first installed the file` };
  }
  const check: FileCheck = { verifiedBy: file.sha256 !== undefined ? 'catalogue' : digest ? 'mirror' : 'unverified' };
  if (file.size !== undefined) check.size = { bytes: file.size, from: 'catalogue' };
  else if (declared.size !== undefined) check.size = { bytes: declared.size, from: 'mirror' };
  if (file.sha256 !== undefined) check.sha256 = { hex: file.sha256, from: 'catalogue' };
  else if (digest?.algorithm === 'sha256') check.sha256 = { hex: digest.hex, from: 'mirror' };
  else if (recorded !== undefined) check.sha256 = { hex: recorded, from: 'recorded' };
  if (digest?.algorithm === 'git-blob-sha1') check.gitBlobSha1 = digest.hex;
  if (digest) check.declared = digest;
  return { ok: true, value: check };
}

/** A value a downloaded file did not match. */
export interface Mismatch {
  expected: string;
  actual: string;
  from: CheckSource;
}

/** How a file of `size` bytes fails `check`'s size, if it does: worth knowing before hashing it. */
export function sizeMismatch(check: FileCheck, size: number): Mismatch | undefined {
  if (!check.size || size === check.size.bytes) return undefined;
  return { expected: `${check.size.bytes} bytes`, actual: `${size} bytes`, from: check.size.from };
}

/**
 * The first of size, sha256 and git blob id where `got` differs from `check`, or undefined when
 * the file is the one expected. Hash `got` with `gitBlob` set whenever `check.gitBlobSha1` is.
 */
export function findMismatch(check: FileCheck, got: FileHashes): Mismatch | undefined {
  const size = sizeMismatch(check, got.size);
  if (size) return size;
  if (check.sha256 && got.sha256 !== check.sha256.hex) {
    return { expected: `sha256 ${check.sha256.hex}`, actual: `sha256 ${got.sha256}`, from: check.sha256.from };
  }
  if (check.gitBlobSha1 !== undefined && got.gitBlobSha1 !== check.gitBlobSha1) {
    return { expected: `git blob ${check.gitBlobSha1}`, actual: `git blob ${got.gitBlobSha1 ?? '(not computed)'}`, from: 'mirror' };
  }
  return undefined;
}

/** "Loupe's catalogue", "the mirror's declaration" or "the digest recorded at first install", for messages. */
export function describeCheckSource(from: CheckSource): string {
  if (from === 'catalogue') return "Loupe's catalogue";
  return from === 'mirror' ? "the mirror's declaration" : 'the digest recorded when it was first installed';
}
