/**
 * A hash fed chunk by chunk. The daemon wraps `node:crypto`'s `createHash`; the browser wraps
 * `crypto.subtle.digest` (which takes the whole input at once, so it keeps the chunks).
 */
export interface IncrementalHash {
  update(chunk: Uint8Array): void;
  /** The digest as lowercase hex; call once, after the last `update`. */
  hex(): Promise<string>;
}

/** Makes an {@link IncrementalHash}: `sha256` for every file, `sha1` for git blob ids. */
export type CreateHash = (algorithm: 'sha256' | 'sha1') => IncrementalHash;

/** What a downloaded file was hashed to. */
export interface FileHashes {
  /** Bytes actually hashed. */
  size: number;
  sha256: string;
  /** The file's git blob id, when asked for. */
  gitBlobSha1?: string;
}

// "blob <size>\0": git hashes this header, then the content. ASCII, so no TextEncoder (not in ES2023).
function gitBlobHeader(size: number): Uint8Array {
  return Uint8Array.from(`blob ${size}\0`, (c) => c.charCodeAt(0));
}

/**
 * Hashes one file's bytes, streamed as `chunks` (`size` of them in all), to its sha256 and, with
 * `gitBlob`, its git blob id: the sha1 of `blob <size>\0` and the bytes, which is what the
 * Hugging Face Hub sends as the `ETag` of a file kept in git rather than LFS. A file that does
 * not hold `size` bytes after all gets a blob id that matches nothing; `size` in the result says
 * what was read.
 */
export async function hashModelFile(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: number,
  createHash: CreateHash,
  options: { gitBlob: boolean },
): Promise<FileHashes> {
  const sha256 = createHash('sha256');
  const blob = options.gitBlob ? createHash('sha1') : undefined;
  blob?.update(gitBlobHeader(size));
  let read = 0;
  for await (const chunk of chunks) {
    sha256.update(chunk);
    blob?.update(chunk);
    read += chunk.byteLength;
  }
  const hashes: FileHashes = { size: read, sha256: await sha256.hex() };
  if (blob) hashes.gitBlobSha1 = await blob.hex();
  return hashes;
}
