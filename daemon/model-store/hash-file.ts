import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type CreateHash, type FileHashes, hashModelFile } from '../../shared/models/hash-model-file';

const nodeHash: CreateHash = (algorithm) => {
  const hash = createHash(algorithm);
  return {
    update: (chunk) => void hash.update(chunk),
    hex: async () => hash.digest('hex'),
  };
};

/**
 * Streams a file through sha256 (and, with `gitBlob`, through the git blob id's sha1), so
 * multi-hundred-megabyte weights never sit in memory.
 */
export async function hashFile(file: string, options: { gitBlob: boolean } = { gitBlob: false }): Promise<FileHashes> {
  const { size } = await stat(file);
  return hashModelFile(createReadStream(file, { highWaterMark: 1 << 20 }), size, nodeHash, options);
}
