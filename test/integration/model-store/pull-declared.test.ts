import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../daemon/logger';
import { createModelStore } from '../../../daemon/model-store/model-store';
import type { Catalogue } from '../../../shared/models/catalogue-schema';
import { LoupeError } from '../../../shared/protocol/errors';
import { type FakeHub, startFakeHub } from './fake-hub';
import { hubFiles, hubPath, recordsOf, sha256, TINY_ID, TINY_REVISION, tinyCatalogue, tinyFiles } from './tiny-catalogue';

let hub: FakeHub;
let cacheDir: string;
let files: Record<string, Buffer>;
const WEIGHTS = 'onnx/model_quantized.onnx';
const onDisk = (file: string) => path.join(cacheDir, 'models', ...TINY_ID.split('/'), TINY_REVISION, ...file.split('/'));
const manifest = async () => JSON.parse(await readFile(onDisk('.loupe-manifest.json'), 'utf8'));
const gitBlobId = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

// The catalogue pins nothing unless a test says so, as for most full-tier files today.
function store(catalogue: Catalogue = tinyCatalogue(), retries = 3) {
  return createModelStore({ cacheDir, mirror: hub.url, catalogue, retries, retryDelayMs: 0, logger: createMemoryLogger() });
}

async function refusal(promise: Promise<unknown>): Promise<LoupeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoupeError);
  return error as LoupeError;
}

async function nothingInstalled(file: string): Promise<void> {
  await expect(stat(onDisk(file))).rejects.toThrow();
  await expect(stat(onDisk(`${file}.partial`))).rejects.toThrow();
  expect((await refusal(store().resolveModelFiles(TINY_ID))).code).toBe('model-missing');
}

beforeEach(async () => {
  files = tinyFiles();
  hub = await startFakeHub(hubFiles(files));
  cacheDir = await mkdtemp(path.join(tmpdir(), 'loupe-declared-'));
});

afterEach(async () => {
  await hub.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('files the catalogue does not pin, checked against what the mirror declares', () => {
  it("installs weights by the sha256 of the Hub's redirect and the config by its git blob id, and records which", async () => {
    hub.redirectLfs = true;
    await store().pullModel(TINY_ID);

    expect(hub.probes.find((p) => p.path === hubPath(WEIGHTS))?.status).toBe(302);
    // The bytes came from the CDN, whose own ETag is not the sha256: only the first answer counts.
    expect(hub.requests.map((r) => r.path)).toContain(`/cdn${hubPath(WEIGHTS)}`);
    expect(await readFile(onDisk(WEIGHTS))).toEqual(files[WEIGHTS]);
    const recorded = (await manifest()).files;
    expect(recorded[WEIGHTS]).toMatchObject({ verifiedBy: 'mirror', declared: { algorithm: 'sha256', hex: sha256(files[WEIGHTS]!) } });
    expect(recorded['config.json']).toMatchObject({
      verifiedBy: 'mirror',
      declared: { algorithm: 'git-blob-sha1', hex: gitBlobId(files['config.json']!) },
      sha256: sha256(files['config.json']!),
    });
  });

  it.each([
    ['weights declared by sha256', WEIGHTS],
    ['a config declared by git blob id', 'config.json'],
  ])('refuses %s when the mirror serves other bytes, whatever its later answers say, and installs nothing', async (_, file) => {
    const served = Buffer.from(files[file]!).fill(0x21, 3, 9);
    hub.declareAs(hubPath(file), files[file]!);
    hub.files.set(hubPath(file), served);

    const error = await refusal(store().pullModel(TINY_ID));
    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain(`${file} of ${TINY_ID} failed its checksum against the mirror's declaration`);
    await nothingInstalled(file);
  });

  it('refuses a body shorter than the declared size, and never takes a lying 416 for the rest', async () => {
    hub.declareAs(hubPath(WEIGHTS), files[WEIGHTS]!);
    hub.files.set(hubPath(WEIGHTS), files[WEIGHTS]!.subarray(0, 250_000));
    const error = await refusal(store().pullModel(TINY_ID));
    expect(error.message).toContain("against the mirror's declaration (expected 300000 bytes, got 250000 bytes)");
    await nothingInstalled(WEIGHTS);

    hub.files.set(hubPath(WEIGHTS), files[WEIGHTS]!);
    hub.dropOnce(hubPath(WEIGHTS), 120_000);
    await refusal(store(tinyCatalogue(), 0).pullModel(TINY_ID));
    hub.lie416 = true;
    await store().pullModel(TINY_ID);
    expect(sha256(await readFile(onDisk(WEIGHTS)))).toBe(sha256(files[WEIGHTS]!));
  });

  it('refuses, before downloading it, a file the mirror declares otherwise than the catalogue pins', async () => {
    const pinned = tinyCatalogue(recordsOf(files));
    hub.declareAs(hubPath(WEIGHTS), Buffer.alloc(300_000, 1));

    const error = await refusal(store(pinned).pullModel(TINY_ID));
    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain(
      `the mirror declares sha256 ${sha256(Buffer.alloc(300_000, 1))}, Loupe's catalogue pins ${sha256(files[WEIGHTS]!)}`,
    );
    expect(hub.requests.map((r) => r.path)).not.toContain(hubPath(WEIGHTS));
    await nothingInstalled(WEIGHTS);
  });

  it('asks for uncompressed bytes, so a mirror that gzips text still gives the declared file', async () => {
    hub.gzip = true;
    await store().pullModel(TINY_ID);
    expect(await readFile(onDisk('config.json'))).toEqual(files['config.json']);
  });
});
