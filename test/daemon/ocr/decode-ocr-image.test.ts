import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeOcrImage } from '../../../daemon/ocr/decode-ocr-image';
import { LoupeError } from '../../../shared/protocol/errors';

describe('decodeOcrImage', () => {
  it('scales a very wide image down to the maximum side, keeping its shape', async () => {
    const png = await sharp({ create: { width: 6000, height: 300, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const image = await decodeOcrImage(png, { maxInputPixels: 40_000_000, maxSide: 4096 });
    expect([image.width, image.height, image.channels]).toEqual([4096, 205, 3]);
  });

  it('lays transparent pixels on white so dark text stays readable', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const image = await decodeOcrImage(png);
    expect([...image.data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it('refuses an empty payload as not an image', async () => {
    const error = await decodeOcrImage(new Uint8Array()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoupeError);
    expect((error as LoupeError).code).toBe('bad-input');
  });
});
