import { LoupeError } from '../../shared/protocol/errors';

// Raster formats browsers show. SVG is refused: rendering it runs a full XML/CSS engine on
// untrusted input, and the extension can rasterise it before sending.
const RASTER_FORMATS = new Set(['png', 'jpeg', 'webp', 'gif', 'avif', 'heif', 'tiff']);

/**
 * Decodes untrusted image bytes with a pixel limit (decompression bombs) and returns them as
 * PNG. Anything that is not a whole raster image becomes `bad-input` with the reason.
 */
export async function decodeImage(bytes: Uint8Array, { maxPixels }: { maxPixels: number }): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  const options = { limitInputPixels: maxPixels, failOn: 'error' as const };
  let format: string | undefined;
  try {
    format = (await sharp(bytes, options).metadata()).format;
  } catch {
    throw new LoupeError('bad-input', 'The bytes sent are not an image Loupe can read (PNG, JPEG, WebP, GIF, AVIF or TIFF).');
  }
  if (!format || !RASTER_FORMATS.has(format)) {
    throw new LoupeError('bad-input', `${format ?? 'This'} images are not accepted; send a PNG, JPEG, WebP, GIF, AVIF or TIFF rendering.`);
  }
  try {
    return new Uint8Array(await sharp(bytes, options).png().toBuffer());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) {
      throw new LoupeError('bad-input', `The image has more than ${maxPixels.toLocaleString('en')} pixels; Loupe refuses it as a possible decompression bomb. Send a smaller rendition.`);
    }
    throw new LoupeError('bad-input', `The image could not be decoded (${message}). It may be truncated or damaged.`);
  }
}
