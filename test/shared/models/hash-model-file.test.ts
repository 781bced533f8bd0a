import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type CreateHash, hashModelFile } from '../../../shared/models/hash-model-file';

const nodeHash: CreateHash = (algorithm) => {
  const hash = createHash(algorithm);
  return { update: (chunk) => void hash.update(chunk), hex: async () => hash.digest('hex') };
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe('hashModelFile', () => {
  it('computes the blob ids git itself gives (`git hash-object`)', async () => {
    expect((await hashModelFile([], 0, nodeHash, { gitBlob: true })).gitBlobSha1).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect((await hashModelFile([bytes('hel'), bytes('lo\n')], 6, nodeHash, { gitBlob: true })).gitBlobSha1).toBe(
      'ce013625030ba8dba906f756967f9e9ca394464a',
    );
  });

  it('gives the same sha256 however the bytes are chunked, and no blob id unless asked', async () => {
    const whole = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const expected = createHash('sha256').update(whole).digest('hex');
    const chunked = [whole.subarray(0, 1), whole.subarray(1, 65_536), whole.subarray(65_536)];
    expect(await hashModelFile(chunked, whole.length, nodeHash, { gitBlob: false })).toEqual({ size: 100_000, sha256: expected });
  });

  it('reports the bytes it read, so a file shorter than announced cannot pass a size check', async () => {
    const hashes = await hashModelFile([bytes('hello')], 6, nodeHash, { gitBlob: true });
    expect(hashes.size).toBe(5);
    expect(hashes.gitBlobSha1).not.toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});
