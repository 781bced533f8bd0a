import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { downloadModel } from '../../../../extension/engine/full/download-model';
import { readInstalled } from '../../../../extension/engine/full/model-cache';
import { subtleHash } from '../../../../extension/engine/full/subtle-hash';
import { hashModelFile } from '../../../../shared/models/hash-model-file';
import { entry, FILES, fakeMirror, gitBlobId, MIRROR, REVISION, sha } from './fake-mirror-fetch';
import { memoryModelCache } from './memory-model-cache';

const WEIGHTS = 'onnx/model_quantized.onnx';
const download = (mirror: ReturnType<typeof fakeMirror>, cache = memoryModelCache(), pinned = entry()) =>
  downloadModel(pinned, { mirror: MIRROR, dtype: 'q8', cache, fetch: mirror.fetchFn });

async function refusedLeavingNothing(mirror: ReturnType<typeof fakeMirror>, pinned = entry()) {
  const cache = memoryModelCache();
  const error = await download(mirror, cache, pinned).then(
    () => new Error('installed'),
    (e: unknown) => e as Error,
  );
  expect(cache.urls()).toEqual([]);
  expect(await readInstalled(cache, 'Xenova/bert-base-NER')).toBeUndefined();
  return error;
}

describe('browser downloads of files the catalogue does not pin', () => {
  it("checks weights by the LFS sha256 of the Hub's tree (a browser cannot read a redirect's headers) and the rest by git blob id", async () => {
    const mirror = fakeMirror();
    const installed = await download(mirror);
    expect(mirror.probed).toContain(`${MIRROR}/api/models/Xenova/bert-base-NER/tree/${REVISION}/onnx`);
    expect(installed.files.find((f) => f.path === WEIGHTS)).toMatchObject({
      verifiedBy: 'mirror',
      declared: { algorithm: 'sha256', hex: sha(FILES[WEIGHTS]!) },
      sha256: sha(FILES[WEIGHTS]!),
    });
    expect(installed.files.find((f) => f.path === 'config.json')).toMatchObject({
      verifiedBy: 'mirror',
      declared: { algorithm: 'git-blob-sha1', hex: gitBlobId(FILES['config.json']!) },
    });
  });

  it.each([
    ['weights declared by sha256', WEIGHTS],
    ['a config declared by git blob id', 'config.json'],
  ])('refuses %s when the mirror serves other bytes, and installs nothing', async (_, file) => {
    const served = { ...FILES, [file]: FILES[file]!.map((b, i) => (i === 3 ? b ^ 1 : b)) };
    const error = await refusedLeavingNothing(fakeMirror({ serve: served, declare: FILES }));
    expect(error).toMatchObject({
      code: 'model-corrupt',
      message: expect.stringContaining(`${file} failed its check against the mirror's declaration`),
    });
  });

  it('refuses a body shorter than the declared size, and stops one longer while it streams', async () => {
    const short = { ...FILES, [WEIGHTS]: FILES[WEIGHTS]!.subarray(0, 50_000) };
    expect(await refusedLeavingNothing(fakeMirror({ serve: short, declare: FILES }))).toMatchObject({
      message: expect.stringContaining('(expected 70000 bytes, got 50000 bytes)'),
    });
    const long = { ...FILES, [WEIGHTS]: new Uint8Array(1_000_000) };
    expect(await refusedLeavingNothing(fakeMirror({ serve: long, declare: FILES }))).toMatchObject({
      message: expect.stringContaining(`the mirror sent more of ${WEIGHTS} than the 70000 bytes in the mirror's declaration`),
    });
  });

  it('refuses, before downloading anything, a mirror that declares other weights than the catalogue pins', async () => {
    const mirror = fakeMirror({ declare: { [WEIGHTS]: new Uint8Array(70_000) } });
    const error = await refusedLeavingNothing(mirror, entry({ digest: sha(FILES[WEIGHTS]!) }));
    expect(error).toMatchObject({ code: 'model-corrupt', message: expect.stringContaining("Loupe's catalogue pins") });
    expect(mirror.asked).toEqual([]);
  });

  it('refuses, before downloading anything, a file for which neither the catalogue nor the mirror gives a digest', async () => {
    const mirror = fakeMirror({ plain: true });
    const error = await refusedLeavingNothing(mirror);
    expect(error).toMatchObject({
      code: 'model-missing',
      message: expect.stringContaining("config.json: Loupe's catalogue pins no sha256 for it"),
    });
    expect(error.message).toContain('use https://huggingface.co as the model mirror in Options');
    expect(mirror.asked).toEqual([]);
  });
});

describe('subtleHash', () => {
  it('gives the digests node:crypto gives, git blob ids included', async () => {
    const bytes = FILES[WEIGHTS]!;
    const hashes = await hashModelFile([bytes.subarray(0, 5), bytes.subarray(5)], bytes.length, subtleHash, { gitBlob: true });
    expect(hashes).toEqual({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), gitBlobSha1: gitBlobId(bytes) });
  });
});
