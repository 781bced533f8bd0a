import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageSize } from '../../../../extension/engine/ocr/read-image-size';

const HARBOR = readFileSync(new URL('../../../fixtures/articles/harbor.png', import.meta.url));

async function encoded(format: 'jpeg' | 'webp' | 'gif', width: number, height: number, options: object = {}): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: '#336699' } });
  return new Uint8Array(await image.toFormat(format, options).toBuffer());
}

/** A PNG signature and IHDR chunk declaring `width × height`, with no pixels behind it. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

describe('readImageSize (the size an image declares, before decoding)', () => {
  it('reads PNG, JPEG, WebP (lossy and lossless) and GIF headers', async () => {
    expect(readImageSize(HARBOR)).toEqual({ format: 'png', width: 480, height: 120 });
    expect(readImageSize(await encoded('jpeg', 321, 123))).toEqual({ format: 'jpeg', width: 321, height: 123 });
    expect(readImageSize(await encoded('webp', 300, 77))).toEqual({ format: 'webp', width: 300, height: 77 });
    expect(readImageSize(await encoded('webp', 301, 78, { lossless: true }))).toEqual({ format: 'webp', width: 301, height: 78 });
    expect(readImageSize(await encoded('gif', 64, 32))).toEqual({ format: 'gif', width: 64, height: 32 });
  });

  it('reads the size a decompression bomb declares without its pixels', () => {
    expect(readImageSize(pngHeader(50_000, 50_000))).toEqual({ format: 'png', width: 50_000, height: 50_000 });
  });

  it('reads a BMP header, whose height may be negative (top-down rows)', () => {
    const bmp = new Uint8Array(54);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 640, true);
    new DataView(bmp.buffer).setInt32(22, -480, true);
    expect(readImageSize(bmp)).toEqual({ format: 'bmp', width: 640, height: 480 });
  });

  it('gives up on what it does not know or what is cut short', () => {
    expect(readImageSize(new TextEncoder().encode('<html><body>not an image</body></html>'))).toBeUndefined();
    expect(readImageSize(HARBOR.subarray(0, 20))).toBeUndefined();
    expect(readImageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBeUndefined();
  });
});
