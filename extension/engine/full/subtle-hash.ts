import type { CreateHash } from '../../../shared/models/hash-model-file';

const ALGORITHMS = { sha256: 'SHA-256', sha1: 'SHA-1' } as const;

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

/**
 * The shared hashing interface over `crypto.subtle`, which digests a whole input at once: chunks
 * are kept until `hex()`, joined only when there are several (a downloaded file already sits in
 * memory as one array, so its sha256 costs no copy).
 */
export const subtleHash: CreateHash = (algorithm) => {
  const chunks: Uint8Array[] = [];
  return {
    update: (chunk) => void chunks.push(chunk),
    async hex() {
      const only = chunks.length === 1 ? chunks[0]! : undefined;
      const input = only && only.buffer instanceof ArrayBuffer ? (only as Uint8Array<ArrayBuffer>) : concat(chunks);
      const digest = new Uint8Array(await crypto.subtle.digest(ALGORITHMS[algorithm], input));
      return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    },
  };
};
