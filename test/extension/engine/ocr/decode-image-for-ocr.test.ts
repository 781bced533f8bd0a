import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImageForOcr, type Canvas2dLike, type ImageDecoder } from '../../../../extension/engine/ocr/decode-image-for-ocr';
import { checkImagePixels, fitInside } from '../../../../extension/engine/ocr/ocr-decode-limits';
import { LoupeError } from '../../../../shared/protocol/errors';

const HARBOR = new Uint8Array(readFileSync(new URL('../../../fixtures/articles/harbor.png', import.meta.url)));

/** A browser decoder stand-in: "decodes" to the given size and records what is drawn. */
function fakeDecoder(size: { width: number; height: number } | Error) {
  const calls = { decoded: 0, closed: 0, canvas: [] as Array<{ width: number; height: number }>, ops: [] as string[] };
  const decoder: ImageDecoder = {
    async decode() {
      calls.decoded += 1;
      if (size instanceof Error) throw size;
      return {
        ...size,
        close: () => {
          calls.closed += 1;
        },
      };
    },
    canvas(width, height) {
      calls.canvas.push({ width, height });
      const context: Canvas2dLike = {
        fillStyle: '',
        imageSmoothingQuality: 'low',
        fillRect: () => {
          calls.ops.push(`fill ${String(context.fillStyle)}`);
        },
        drawImage: (_image, _x, _y, w, h) => {
          calls.ops.push(`draw ${w}x${h}`);
        },
        getImageData: (_x, _y, w, h) => ({ data: new Uint8ClampedArray(w * h * 4) }),
      };
      return context;
    },
  };
  return { decoder, calls };
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoupeError);
  return { code: (error as LoupeError).code, message: (error as LoupeError).message };
}

describe("decodeImageForOcr (the daemon's image limits, in the browser)", () => {
  it('draws the image on white at its own size, as RGBA pixels', async () => {
    const { decoder, calls } = fakeDecoder({ width: 480, height: 120 });
    const image = await decodeImageForOcr(HARBOR, 'image/png', undefined, decoder);
    expect(image).toMatchObject({ width: 480, height: 120, channels: 4 });
    expect(image.data.length).toBe(480 * 120 * 4);
    expect(calls.ops).toEqual(['fill #ffffff', 'draw 480x120']);
    expect(calls.closed).toBe(1);
  });

  it('scales a large image down so its longer side is 4096 px', async () => {
    const { decoder, calls } = fakeDecoder({ width: 8000, height: 2000 });
    const image = await decodeImageForOcr(new Uint8Array([1, 2, 3]), 'image/avif', undefined, decoder);
    expect({ width: image.width, height: image.height }).toEqual({ width: 4096, height: 1024 });
    expect(calls.canvas).toEqual([{ width: 4096, height: 1024 }]);
  });

  it('refuses a header that declares more than 40 megapixels before decoding it', async () => {
    const bomb = HARBOR.slice(0, 64);
    new DataView(bomb.buffer).setUint32(16, 20_000);
    new DataView(bomb.buffer).setUint32(20, 20_000);
    const { decoder, calls } = fakeDecoder({ width: 20_000, height: 20_000 });
    const error = await codeOf(decodeImageForOcr(bomb, 'image/png', undefined, decoder));
    expect(error.code).toBe('bad-input');
    expect(error.message).toContain('20000×20000 pixels, over the 40-megapixel limit — crop or shrink the image');
    expect(calls.decoded).toBe(0);
  });

  it('refuses an oversized image whose header it cannot read once decoded, and frees it', async () => {
    const { decoder, calls } = fakeDecoder({ width: 9000, height: 9000 });
    const error = await codeOf(
      decodeImageForOcr(new Uint8Array([0, 0, 0, 0x1c, 0x66, 0x74, 0x79, 0x70]), 'image/avif', undefined, decoder),
    );
    expect(error.code).toBe('bad-input');
    expect(calls.closed).toBe(1);
  });

  it('says what to do with something that is not an image', async () => {
    const { decoder } = fakeDecoder(new Error('The source image could not be decoded.'));
    const page = new TextEncoder().encode('<!doctype html><p>hello</p>');
    const error = await codeOf(decodeImageForOcr(page, 'text/html', undefined, decoder));
    expect(error.code).toBe('bad-input');
    expect(error.message).toContain('right-click the picture itself');
    expect((await codeOf(decodeImageForOcr(new Uint8Array(0), undefined, undefined, decoder))).message).toContain('got 0 bytes');
  });

  it('sends SVG to the daemon rather than failing obscurely', async () => {
    const { decoder, calls } = fakeDecoder({ width: 10, height: 10 });
    const error = await codeOf(decodeImageForOcr(new TextEncoder().encode('<svg/>'), 'image/svg+xml', undefined, decoder));
    expect(error.message).toContain('pair the daemon');
    expect(calls.decoded).toBe(0);
  });
});

describe('OCR image limits', () => {
  it('never scales up, and keeps at least one pixel', () => {
    expect(fitInside(300, 100)).toEqual({ width: 300, height: 100 });
    expect(fitInside(100_000, 10)).toEqual({ width: 4096, height: 1 });
  });

  it('accepts exactly 40 megapixels and refuses one pixel more or an empty size', () => {
    expect(() => checkImagePixels(8000, 5000)).not.toThrow();
    expect(() => checkImagePixels(8001, 5000)).toThrow(/40-megapixel limit/);
    expect(() => checkImagePixels(0, 5000)).toThrow(/Not an image/);
  });
});
