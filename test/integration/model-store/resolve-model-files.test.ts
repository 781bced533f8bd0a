import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoupeError } from '../../../shared/protocol/errors';
import { createMemoryLogger } from '../../../daemon/logger';
import { createModelStore, type ModelStore } from '../../../daemon/model-store/model-store';
import { startFakeHub, type FakeHub } from './fake-hub';
import { hubFiles, recordsOf, tinyCatalogue, tinyFiles, TINY_ID, TINY_REVISION } from './tiny-catalogue';

let hub: FakeHub;
let cacheDir: string;
let files: Record<string, Buffer>;
let store: ModelStore;

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoupeError);
  return error as LoupeError;
}

beforeEach(async () => {
  files = tinyFiles();
  hub = await startFakeHub(hubFiles(files));
  cacheDir = await mkdtemp(path.join(tmpdir(), 'loupe-resolve-'));
  store = createModelStore({
    cacheDir,
    mirror: hub.url,
    catalogue: tinyCatalogue(recordsOf(files)),
    retryDelayMs: 0,
    logger: createMemoryLogger(),
  });
});

afterEach(async () => {
  await hub.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('resolveModelFiles', () => {
  it('says how to install a model that was never pulled', async () => {
    const error = await codeOf(store.resolveModelFiles(TINY_ID));
    expect(error).toMatchObject({
      code: 'model-missing',
      message: `Model ${TINY_ID} is not installed — run \`loupe models pull ${TINY_ID}\``,
    });
    expect((await codeOf(store.resolveModelFiles(TINY_ID, 'fp32'))).message).toContain(`pull ${TINY_ID} --dtype fp32`);
  });

  it('returns absolute paths of the checked files, laid out for transformers.js', async () => {
    await store.pullModel(TINY_ID);
    const resolved = await store.resolveModelFiles(TINY_ID);

    expect(Object.keys(resolved.files)).toEqual(['config.json', 'onnx/model_quantized.onnx']);
    expect(path.isAbsolute(resolved.files['onnx/model_quantized.onnx']!)).toBe(true);
    expect(await readFile(resolved.files['onnx/model_quantized.onnx']!)).toEqual(files['onnx/model_quantized.onnx']);
    expect(path.join(resolved.localModelPath, ...resolved.localModelId.split('/'))).toBe(resolved.dir);
    expect(resolved.localModelId).toBe(`${TINY_ID}/${TINY_REVISION}`);
    expect((await codeOf(store.resolveModelFiles(TINY_ID, 'fp32'))).code).toBe('model-missing');
  });

  it('refuses a file damaged after it was installed', async () => {
    await store.pullModel(TINY_ID);
    await store.resolveModelFiles(TINY_ID);
    const handle = await open((await store.resolveModelFiles(TINY_ID)).files['config.json']!, 'r+');
    await handle.write(Buffer.from('X'), 0, 1, 0);
    await handle.close();

    const error = await codeOf(store.resolveModelFiles(TINY_ID));
    expect(error.code).toBe('model-corrupt');
    expect(error.message).toBe(
      `Model ${TINY_ID} failed its checksum (config.json is damaged) — run \`loupe models pull ${TINY_ID}\` to fetch it again`,
    );
  });

  it('lists only complete models, and forgets them once removed', async () => {
    expect(await store.listInstalled()).toEqual([]);
    await store.pullModel(TINY_ID);
    expect(await store.listInstalled()).toEqual([
      {
        id: TINY_ID,
        task: 'summary',
        tier: 'full',
        revision: TINY_REVISION,
        dtypes: ['q8'],
        sizeBytes: files['config.json']!.length + 300_000,
      },
    ]);

    expect(await store.removeModel(TINY_ID)).toBe(true);
    expect(await store.listInstalled()).toEqual([]);
    expect((await codeOf(store.resolveModelFiles(TINY_ID))).code).toBe('model-missing');
  });
});
