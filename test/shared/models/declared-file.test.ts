import { describe, expect, it } from 'vitest';
import { declaredFileFromHeaders, declaredFileFromTree } from '../../../shared/models/declared-file';

const SHA256 = 'a'.repeat(63) + 'b';
const BLOB = 'c'.repeat(39) + 'd';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const headers = (values: Record<string, string>) => new Headers(values);

describe('declaredFileFromHeaders', () => {
  it("reads an LFS file's sha256 and size from the Hub's redirect, not its ETag", () => {
    const redirect = headers({ 'X-Linked-Etag': `"${SHA256}"`, 'X-Linked-Size': '109000000', ETag: `"${BLOB}"`, 'X-Repo-Commit': COMMIT });
    expect(declaredFileFromHeaders(redirect)).toEqual({ digest: { algorithm: 'sha256', hex: SHA256 }, size: 109_000_000, commit: COMMIT });
  });

  it("reads a git file's blob id from its ETag, quoted, weak or bare, in any case", () => {
    for (const etag of [`"${BLOB}"`, `W/"${BLOB}"`, BLOB, `"${BLOB.toUpperCase()}"`]) {
      expect(declaredFileFromHeaders(headers({ ETag: etag }))).toEqual({ digest: { algorithm: 'git-blob-sha1', hex: BLOB } });
    }
  });

  it('declares nothing from tags of any other shape, and never falls back from a broken X-Linked-Etag', () => {
    expect(declaredFileFromHeaders(headers({ ETag: '"5f3-1a2b3c"' }))).toEqual({});
    expect(declaredFileFromHeaders(headers({ ETag: `"${'e'.repeat(32)}"` }))).toEqual({});
    expect(declaredFileFromHeaders(headers({ 'X-Linked-Etag': '"not-a-digest"', ETag: `"${BLOB}"` }))).toEqual({});
    expect(declaredFileFromHeaders(headers({ 'X-Linked-Size': '12kB', 'X-Repo-Commit': 'main' }))).toEqual({});
    expect(declaredFileFromHeaders(headers({}))).toEqual({});
  });
});

describe('declaredFileFromTree', () => {
  const listing = [
    { type: 'directory', oid: BLOB, size: 0, path: 'onnx' },
    {
      type: 'file',
      oid: BLOB,
      size: 134,
      path: 'onnx/model.onnx',
      lfs: { oid: SHA256, size: 436_000_000, pointerSize: 134 },
      xetHash: 'x',
    },
    { type: 'file', oid: BLOB, size: 684, path: 'config.json' },
  ];

  it('gives the LFS sha256 and real size of a weight file, and the blob id of a git file', () => {
    expect(declaredFileFromTree(listing, 'onnx/model.onnx')).toEqual({ digest: { algorithm: 'sha256', hex: SHA256 }, size: 436_000_000 });
    expect(declaredFileFromTree(listing, 'config.json')).toEqual({ digest: { algorithm: 'git-blob-sha1', hex: BLOB }, size: 684 });
  });

  it('declares nothing for a file it does not list, or for a listing that is not one', () => {
    expect(declaredFileFromTree(listing, 'tokenizer.json')).toEqual({});
    expect(declaredFileFromTree(listing, 'onnx')).toEqual({});
    expect(declaredFileFromTree({ error: 'Repository not found' }, 'config.json')).toEqual({});
  });
});
