import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runModelsCommand } from '../../../daemon/model-store/models-command';
import { startFakeHub, type FakeHub } from './fake-hub';
import { hubFiles, recordsOf, tinyCatalogue, tinyFiles, TINY_ID, TINY_REVISION } from './tiny-catalogue';

let hub: FakeHub;
let cacheDir: string;
let files: Record<string, Buffer>;

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

async function loupeModels(argv: string[], catalogue = tinyCatalogue(recordsOf(files))) {
  const stdout = capture();
  const stderr = capture();
  const env = { LOUPE_CACHE_DIR: cacheDir, LOUPE_MODEL_MIRROR: hub.url, LOUPE_LOG: 'quiet' };
  const code = await runModelsCommand(argv, { stdout: stdout.stream, stderr: stderr.stream, env }, { catalogue, retryDelayMs: 0 });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const rowOf = (listing: string, id: string) => listing.split('\n').find((line) => line.startsWith(id + ' ')) ?? '';

beforeEach(async () => {
  files = tinyFiles();
  hub = await startFakeHub(hubFiles(files));
  cacheDir = await mkdtemp(path.join(tmpdir(), 'loupe-cli-'));
});

afterEach(async () => {
  await hub.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('loupe models', () => {
  it('lists the model as not pulled with its download size, then installed with its dtype and size after a pull', async () => {
    const before = await loupeModels(['list']);
    expect(before.code).toBe(0);
    expect(rowOf(before.stdout, TINY_ID)).toMatch(/not pulled\s+300 kB/);
    expect(rowOf(before.stdout, 'lite/entities')).toContain('built in');

    const pulled = await loupeModels(['pull', TINY_ID]);
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toContain(`${TINY_ID} is ready (q8,`);
    expect(pulled.stderr).toContain('downloading onnx/model_quantized.onnx (300 kB)');
    expect(pulled.stderr).toContain('ok onnx/model_quantized.onnx');

    const after = await loupeModels(['list']);
    expect(rowOf(after.stdout, TINY_ID)).toMatch(/installed \(q8\)\s+300 kB/);
    const json = JSON.parse((await loupeModels(['list', '--json'])).stdout);
    expect(json.find((m: { id: string }) => m.id === TINY_ID)).toMatchObject({ state: 'installed (q8)' });
  });

  it('verify reports a corrupted byte and exits 1; a new pull repairs it', async () => {
    await loupeModels(['pull', TINY_ID]);
    const file = path.join(cacheDir, 'models', ...TINY_ID.split('/'), TINY_REVISION, 'onnx', 'model_quantized.onnx');
    const handle = await open(file, 'r+');
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, 4242);
    await handle.write(Buffer.from([byte[0]! ^ 0xff]), 0, 1, 4242);
    await handle.close();

    const damaged = await loupeModels(['verify']);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain('corrupt onnx/model_quantized.onnx');
    expect(damaged.stdout).not.toContain('corrupt config.json');

    expect((await loupeModels(['pull', TINY_ID])).code).toBe(0);
    const repaired = await loupeModels(['verify', TINY_ID]);
    expect(repaired).toMatchObject({ code: 0 });
    expect(repaired.stdout).toContain(`${TINY_ID}@${TINY_REVISION}: ok (2 files)`);
  });

  it('rm deletes the files and list shows the model as not pulled again', async () => {
    await loupeModels(['pull', TINY_ID]);
    const removed = await loupeModels(['rm', TINY_ID]);
    expect(removed).toMatchObject({ code: 0, stdout: `Removed ${TINY_ID}\n` });
    expect(rowOf((await loupeModels(['list'])).stdout, TINY_ID)).toContain('not pulled');
    expect((await loupeModels(['rm', TINY_ID])).stdout).toBe(`${TINY_ID} was not installed\n`);
  });

  it('explains failures a user can fix, with exit codes 1 and 2', async () => {
    const unknown = await loupeModels(['pull', 'nobody/nothing']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`Known models: ${TINY_ID}, lite/entities`);

    const lite = await loupeModels(['pull', 'lite/entities']);
    expect(lite.stderr).toContain('ships with Loupe');

    hub.files.clear();
    const missing = await loupeModels(['pull', TINY_ID]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/answered 404 .*LOUPE_MODEL_MIRROR/);

    expect((await loupeModels(['pull'])).code).toBe(2);
    expect((await loupeModels(['pull', TINY_ID, '--dtype', 'fp64'])).stderr).toContain('Use one of: fp32, fp16, q8');
  });

  it('pulls files the catalogue does not pin by what the mirror declares, and says so in list and verify', async () => {
    const unpinned = tinyCatalogue();
    expect(rowOf((await loupeModels(['list'], unpinned)).stdout, TINY_ID)).toMatch(/size unknown\s+catalogue 0 of 2$/);

    expect((await loupeModels(['pull', TINY_ID], unpinned)).code).toBe(0);
    expect(rowOf((await loupeModels(['list'], unpinned)).stdout, TINY_ID)).toMatch(/catalogue 0, mirror 2$/);
    const verified = await loupeModels(['verify', TINY_ID], tinyCatalogue({ 'config.json': recordsOf(files)['config.json']! }));
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain("  pinned by Loupe's catalogue: config.json\n");
    expect(verified.stdout).toContain("  checked against the mirror's declaration: onnx/model_quantized.onnx\n");
  });

  it('refuses a file for which neither the catalogue nor the mirror gives a digest unless --allow-unverified is given', async () => {
    hub.declare = false;
    const unpinned = tinyCatalogue();
    const refused = await loupeModels(['pull', TINY_ID], unpinned);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `config.json of ${TINY_ID}: Loupe's catalogue pins no sha256 for it and the mirror declares no digest`,
    );
    expect(refused.stderr).toContain(`loupe models pull ${TINY_ID} --allow-unverified`);
    expect(hub.requests).toHaveLength(0);

    expect((await loupeModels(['pull', TINY_ID, '--allow-unverified'], unpinned)).code).toBe(0);
    const verified = await loupeModels(['verify', TINY_ID], unpinned);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('  unverified (installed with --allow-unverified): config.json, onnx/model_quantized.onnx\n');
    expect(rowOf((await loupeModels(['list'], unpinned)).stdout, TINY_ID)).toMatch(/catalogue 0, mirror 0, unverified 2$/);
  });

  it('lists the real catalogue when none is injected', async () => {
    const stdout = capture();
    const code = await runModelsCommand(['list'], { stdout: stdout.stream, stderr: capture().stream, env: { LOUPE_CACHE_DIR: cacheDir } });
    expect(code).toBe(0);
    for (const id of ['Xenova/distilbart-cnn-6-6', 'Xenova/bert-base-NER', 'Mozilla/distilvit']) {
      expect(rowOf(stdout.text(), id)).toContain('not pulled');
    }
    expect(rowOf(stdout.text(), 'lite/ocr')).toContain('built in');
  });
});
