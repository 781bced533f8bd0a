import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../shared/models/catalogue-schema';
import type { PullProgress } from '../../../shared/models/pull-progress';
import { LoupeError } from '../../../shared/protocol/errors';
import { createMemoryLogger } from '../../../daemon/logger';
import { createModelStore } from '../../../daemon/model-store/model-store';
import { startFakeHub, type FakeHub } from './fake-hub';
import { hubFiles, hubPath, recordsOf, sha256, tinyCatalogue, tinyFiles, TINY_ID, TINY_REVISION } from './tiny-catalogue';

let hub: FakeHub;
let cacheDir: string;
let files: Record<string, Buffer>;
const modelDir = () => path.join(cacheDir, 'models', ...TINY_ID.split('/'), TINY_REVISION);
const onDisk = (file: string) => path.join(modelDir(), ...file.split('/'));

function store(catalogue: Catalogue = tinyCatalogue(recordsOf(files)), retries = 3, allowUnverified = false) {
  return createModelStore({
    cacheDir,
    mirror: hub.url,
    catalogue,
    retries,
    retryDelayMs: 0,
    logger: createMemoryLogger(),
    allowUnverified,
  });
}

async function rejection(promise: Promise<unknown>): Promise<LoupeError> {
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
  cacheDir = await mkdtemp(path.join(tmpdir(), 'loupe-store-'));
});

afterEach(async () => {
  await hub.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('pullModel', () => {
  it('downloads the default dtype with progress events and records every digest', async () => {
    const events: PullProgress[] = [];
    const installed = await store().pullModel(TINY_ID, { onProgress: (e) => events.push(e) });

    expect(installed).toMatchObject({ id: TINY_ID, dtypes: ['q8'], sizeBytes: files['config.json']!.length + 300_000 });
    expect(await readFile(onDisk('onnx/model_quantized.onnx'))).toEqual(files['onnx/model_quantized.onnx']);
    expect(hub.requests.map((r) => r.path)).not.toContain(hubPath('onnx/model.onnx'));
    const weights = events.filter((e) => e.status === 'downloading' && e.file === 'onnx/model_quantized.onnx');
    expect(weights.length).toBeGreaterThan(1);
    expect(weights.at(-1)).toMatchObject({ completed: 300_000, total: 300_000 });
    expect(weights.map((e) => e.completed)).toEqual([...weights.map((e) => e.completed!)].sort((a, b) => a - b));
    expect(events.at(0)?.status).toBe('resolving');
    expect(events.at(-1)).toEqual({ status: 'success', id: TINY_ID });
    const manifest = JSON.parse(await readFile(path.join(modelDir(), '.loupe-manifest.json'), 'utf8'));
    expect(manifest.files['onnx/model_quantized.onnx']).toMatchObject({
      size: 300_000,
      sha256: sha256(files['onnx/model_quantized.onnx']!),
    });
  });

  it('resumes a dropped download with a Range request and ends with the right sha256', async () => {
    hub.dropOnce(hubPath('onnx/model_quantized.onnx'), 120_000);
    await store().pullModel(TINY_ID);

    const weightRequests = hub.requests.filter((r) => r.path === hubPath('onnx/model_quantized.onnx'));
    expect(weightRequests.map((r) => r.status)).toEqual([200, 206]);
    const resumedFrom = Number(/^bytes=(\d+)-$/.exec(weightRequests[1]?.range ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThanOrEqual(120_000);
    expect(sha256(await readFile(onDisk('onnx/model_quantized.onnx')))).toBe(sha256(files['onnx/model_quantized.onnx']!));
  });

  it('keeps the partial file after a failed run and resumes it on the next pull', async () => {
    hub.dropOnce(hubPath('onnx/model_quantized.onnx'), 50_000);
    const error = await rejection(store(undefined, 0).pullModel(TINY_ID));
    expect(error.code).toBe('model-missing');
    expect(error.message).toContain(`loupe models pull ${TINY_ID}`);
    const kept = (await stat(onDisk('onnx/model_quantized.onnx.partial'))).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(50_000);
    expect((await rejection(store().resolveModelFiles(TINY_ID))).message).toContain('interrupted');

    await store().pullModel(TINY_ID);
    expect(hub.requests.at(-1)).toMatchObject({ range: `bytes=${kept}-`, status: 206 });
    expect(await readFile(onDisk('onnx/model_quantized.onnx'))).toEqual(files['onnx/model_quantized.onnx']);
  });

  it('starts over cleanly when the server ignores Range', async () => {
    hub.dropOnce(hubPath('onnx/model_quantized.onnx'), 70_000);
    await rejection(store(undefined, 0).pullModel(TINY_ID));
    const kept = (await stat(onDisk('onnx/model_quantized.onnx.partial'))).size;
    hub.ignoreRange = true;

    await store().pullModel(TINY_ID);
    expect(hub.requests.at(-1)).toMatchObject({ range: `bytes=${kept}-`, status: 200 });
    const bytes = await readFile(onDisk('onnx/model_quantized.onnx'));
    expect(bytes.length).toBe(300_000);
    expect(sha256(bytes)).toBe(sha256(files['onnx/model_quantized.onnx']!));
  });

  it('rejects a file whose digest differs from the catalogue and leaves nothing in place', async () => {
    // A plain file server declares nothing: the catalogue alone decides, after the download.
    hub.declare = false;
    const catalogue = tinyCatalogue({
      ...recordsOf(files),
      'onnx/model_quantized.onnx': { sha256: sha256(Buffer.from('other bytes')), size: 300_000 },
    });
    const error = await rejection(store(catalogue).pullModel(TINY_ID));

    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain('failed its checksum');
    await expect(stat(onDisk('onnx/model_quantized.onnx'))).rejects.toThrow();
    await expect(stat(onDisk('onnx/model_quantized.onnx.partial'))).rejects.toThrow();
    expect((await rejection(store(catalogue).resolveModelFiles(TINY_ID))).code).toBe('model-missing');
  });

  it('refuses bytes that differ from the digest recorded on a first unverified pull', async () => {
    hub.declare = false;
    const unverified = () => store(tinyCatalogue(), 3, true);
    await unverified().pullModel(TINY_ID);
    await rm(onDisk('config.json'));
    hub.files.set(hubPath('config.json'), Buffer.from('{"model_type":"changed upstream"}'));

    const error = await rejection(unverified().pullModel(TINY_ID));
    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain('config.json');
  });

  it('names the URL and LOUPE_MODEL_MIRROR when the mirror answers 404', async () => {
    hub.files.delete(hubPath('config.json'));
    const error = await rejection(store().pullModel(TINY_ID));

    expect(error.code).toBe('model-missing');
    expect(error.message).toContain(`${hub.url}${hubPath('config.json')}`);
    expect(error.message).toContain('404');
    expect(error.message).toContain('LOUPE_MODEL_MIRROR');
  });

  it('shares one download between concurrent pulls of the same model', async () => {
    const models = store();
    const [a, b] = await Promise.all([models.pullModel(TINY_ID), models.pullModel(TINY_ID)]);

    expect(a).toEqual(b);
    expect(hub.requests.filter((r) => r.path === hubPath('onnx/model_quantized.onnx'))).toHaveLength(1);
  });

  it('refuses to pull while another live process holds the lock, and takes over a stale one', async () => {
    const lock = path.join(cacheDir, 'models', ...TINY_ID.split('/'), '.pull.lock');
    await store().pullModel(TINY_ID, { dtype: 'fp32' });
    await writeFile(lock, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    const error = await rejection(store().pullModel(TINY_ID));
    expect(error.message).toContain(`pid ${process.pid}`);

    await writeFile(lock, JSON.stringify({ pid: 99_999_999, startedAt: new Date().toISOString() }));
    await expect(store().pullModel(TINY_ID)).resolves.toMatchObject({ dtypes: ['fp32', 'q8'] });
  });
});

describe('a lying or runaway mirror', () => {
  it('never installs a truncated file when the resume is answered `416 bytes */<partial size>`', async () => {
    hub.dropOnce(hubPath('onnx/model_quantized.onnx'), 120_000);
    await rejection(store(undefined, 0).pullModel(TINY_ID));
    hub.lie416 = true;

    await store().pullModel(TINY_ID);
    const installed = await readFile(onDisk('onnx/model_quantized.onnx'));
    expect(installed.length).toBe(300_000);
    expect(sha256(installed)).toBe(sha256(files['onnx/model_quantized.onnx']!));
  });

  it('never installs a truncated file without a recorded digest either: a lying 416 makes it start over', async () => {
    hub.declare = false;
    const unverified = () => store(tinyCatalogue(), 0, true);
    hub.dropOnce(hubPath('onnx/model_quantized.onnx'), 120_000);
    await rejection(unverified().pullModel(TINY_ID));
    hub.lie416 = true;

    await unverified().pullModel(TINY_ID);
    expect((await readFile(onDisk('onnx/model_quantized.onnx'))).length).toBe(300_000);
    expect((await unverified().verifyModels(TINY_ID))[0]?.files.every((f) => f.status === 'ok')).toBe(true);
  });

  it('stops a 200 MiB config.json streamed without Content-Length at its catalogue size, and installs nothing', async () => {
    hub.endless(hubPath('config.json'), 200 * 1024 * 1024);
    const error = await rejection(store().pullModel(TINY_ID));

    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain(`more than the ${files['config.json']!.length}-byte size in Loupe's catalogue`);
    expect(hub.sent.get(hubPath('config.json'))).toBeLessThan(200 * 1024 * 1024);
    await expect(stat(onDisk('config.json'))).rejects.toThrow();
    await expect(stat(onDisk('config.json.partial'))).rejects.toThrow();
  });

  it('refuses a file of the wrong size before hashing it, naming both sizes', async () => {
    hub.declare = false;
    hub.files.set(hubPath('onnx/model_quantized.onnx'), files['onnx/model_quantized.onnx']!.subarray(0, 250_000));
    const error = await rejection(store().pullModel(TINY_ID));
    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain('expected 300000 bytes, got 250000 bytes');
    await expect(stat(onDisk('onnx/model_quantized.onnx'))).rejects.toThrow();
  });
});
