import type { Metadata } from 'sharp';
import { LoupeError } from '../../shared/protocol/errors';

// Raster formats browsers show. SVG is refused: rendering it runs a full XML/CSS engine on
// untrusted input, and the extension can rasterise it before sending.
const RASTER_FORMATS = new Set(['png', 'jpeg', 'webp', 'gif', 'avif', 'heif', 'tiff']);
const NOT_AN_IMAGE =
  'The bytes sent are not an image Loupe can read (PNG, JPEG, WebP, GIF, AVIF or TIFF): right-click the picture itself, not a link or a page background.';

const bomb = (pixels: number, maxPixels: number) =>
  new LoupeError(
    'bad-input',
    `The image declares ${pixels.toLocaleString('en')} pixels, over the ${maxPixels.toLocaleString('en')}-pixel limit; Loupe refuses it as a possible decompression bomb. Send a smaller rendition.`,
  );

/**
 * Decodes untrusted image bytes with a pixel limit (decompression bombs) and returns them as
 * PNG (first frame). Anything that is not a whole raster image becomes `bad-input`.
 */
export async function decodeImage(bytes: Uint8Array, { maxPixels }: { maxPixels: number }): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  // The header alone says how big the image claims to be; nothing is decoded yet.
  let header: Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new LoupeError('bad-input', NOT_AN_IMAGE);
  }
  if (!header.format || !RASTER_FORMATS.has(header.format)) {
    throw new LoupeError(
      'bad-input',
      `${header.format ?? 'This'} images are not accepted; send a PNG, JPEG, WebP, GIF, AVIF or TIFF rendering.`,
    );
  }
  const pixels = (header.width ?? 0) * (header.height ?? 0);
  if (pixels === 0) throw new LoupeError('bad-input', NOT_AN_IMAGE);
  if (pixels > maxPixels) throw bomb(pixels, maxPixels);
  try {
    // The limit again at decode time, in case the header lied about the size.
    return new Uint8Array(await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', pages: 1 }).png().toBuffer());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) throw bomb(pixels, maxPixels);
    throw new LoupeError('bad-input', `The image could not be decoded (${message}); it may be truncated or damaged.`);
  }
}
