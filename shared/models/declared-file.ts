import { z } from 'zod';
import { CommitShaSchema, Sha256Schema } from './catalogue-schema';

/** A git blob id: lowercase hex sha1 of `blob <size>\0` followed by the file's bytes. */
export const GitBlobIdSchema = z.string().regex(/^[0-9a-f]{40}$/, 'a git blob id is 40 lowercase hex digits');

/**
 * A digest a mirror declared for one file: the LFS object's sha256 (the Hub's `X-Linked-Etag`)
 * or, for a file kept in git itself, its git blob id (the Hub's `ETag`).
 */
export const DeclaredDigestSchema = z.discriminatedUnion('algorithm', [
  z.strictObject({ algorithm: z.literal('sha256'), hex: Sha256Schema }),
  z.strictObject({ algorithm: z.literal('git-blob-sha1'), hex: GitBlobIdSchema }),
]);
export type DeclaredDigest = z.infer<typeof DeclaredDigestSchema>;

/** What a mirror says one file at one revision is, before a byte of it is downloaded. */
export interface DeclaredFile {
  digest?: DeclaredDigest;
  /** The file's size in bytes (`X-Linked-Size`, or the tree listing's `size`). */
  size?: number;
  /** `X-Repo-Commit`: the commit the mirror resolved the revision to. */
  commit?: string;
}

/** The one method of `Headers` this reads (so the contract needs no DOM types). */
export interface HeaderReader {
  get(name: string): string | null;
}

const SHA256 = /^[0-9a-f]{64}$/;
const GIT_BLOB = /^[0-9a-f]{40}$/;

// `"abc"`, `W/"abc"` and `abc` name the same tag; the Hub sends the quoted form.
function tagValue(header: string | null): string | undefined {
  if (header === null) return undefined;
  return header
    .trim()
    .replace(/^W\//u, '')
    .replace(/^"(.*)"$/u, '$1')
    .toLowerCase();
}

function sizeValue(header: string | null): number | undefined {
  const trimmed = header?.trim() ?? '';
  return /^\d{1,15}$/u.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * Reads what the Hugging Face Hub declares about a file from the headers of its *first* answer
 * to `resolve/<revision>/<path>` (a HEAD, or the redirect a GET gets), as `huggingface_hub`
 * does: an LFS file's `X-Linked-Etag` is its sha256 and `X-Linked-Size` its size (the answer is a
 * redirect to a CDN whose own `ETag` means something else); any other file's `ETag` is its git
 * blob id. When `X-Linked-Etag` is present only it counts. A tag of any other shape declares
 * nothing, and nothing is guessed.
 */
export function declaredFileFromHeaders(headers: HeaderReader): DeclaredFile {
  const declared: DeclaredFile = {};
  const linked = tagValue(headers.get('x-linked-etag'));
  const tag = linked ?? tagValue(headers.get('etag'));
  if (tag !== undefined && SHA256.test(tag)) declared.digest = { algorithm: 'sha256', hex: tag };
  else if (linked === undefined && tag !== undefined && GIT_BLOB.test(tag)) declared.digest = { algorithm: 'git-blob-sha1', hex: tag };
  const size = sizeValue(headers.get('x-linked-size'));
  if (size !== undefined) declared.size = size;
  const commit = headers.get('x-repo-commit')?.trim().toLowerCase();
  if (commit && CommitShaSchema.safeParse(commit).success) declared.commit = commit;
  return declared;
}

/** One entry of the Hub's `GET /api/models/<repo>/tree/<revision>/<folder>` listing (extra fields ignored). */
export const HubTreeEntrySchema = z.object({
  type: z.string(),
  path: z.string(),
  size: z.number().int().nonnegative(),
  oid: z.string(),
  lfs: z.object({ oid: z.string(), size: z.number().int().nonnegative() }).optional(),
});

/**
 * What the Hub's tree listing of a folder declares about `path` in it: the same facts as the
 * `resolve` headers (LFS sha256 and size, or the git blob id and size). Read where the headers
 * cannot be: a browser never sees the headers of a redirect. Empty when the listing is not one
 * or does not name the file.
 */
export function declaredFileFromTree(listing: unknown, path: string): DeclaredFile {
  const entries = z.array(z.unknown()).safeParse(listing);
  if (!entries.success) return {};
  for (const raw of entries.data) {
    const entry = HubTreeEntrySchema.safeParse(raw);
    if (!entry.success || entry.data.path !== path || entry.data.type !== 'file') continue;
    const { lfs, oid, size } = entry.data;
    if (lfs) return SHA256.test(lfs.oid) ? { digest: { algorithm: 'sha256', hex: lfs.oid }, size: lfs.size } : { size: lfs.size };
    return GIT_BLOB.test(oid) ? { digest: { algorithm: 'git-blob-sha1', hex: oid }, size } : { size };
  }
  return {};
}
