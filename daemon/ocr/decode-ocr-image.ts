import sharp from 'sharp';
import type { OcrImage } from '../../shared/lite/ocr/ocr-image';
import { LoupeError } from '../../shared/protocol/errors';

/** Bounds on what the daemon will decode for OCR. */
export interface OcrDecodeLimits {
  /** Declared width × height above this is refused before decoding (decompression bombs). */
  maxInputPixels: number;
  /** Larger images are scaled down so their longer side is this; text stays legible. */
  maxSide: number;
}

export const DEFAULT_OCR_DECODE_LIMITS: OcrDecodeLimits = { maxInputPixels: 40_000_000, maxSide: 4096 };

const NOT_AN_IMAGE =
  'Not an image Loupe can read (PNG, JPEG, WebP, GIF, AVIF, TIFF or SVG) — right-click the picture itself rather than a link or a page background';

/**
 * Decodes `bytes` to RGB pixels for OCR: reads only the header first and refuses what is not
 * an image or declares more than `maxInputPixels`, then decodes the first frame, applies EXIF
 * orientation, lays transparency on white and scales down to `maxSide`.
 * @throws LoupeError `bad-input` naming what to do instead.
 */
export async function decodeOcrImage(bytes: Uint8Array, limits: OcrDecodeLimits = DEFAULT_OCR_DECODE_LIMITS): Promise<OcrImage> {
  if (bytes.length === 0) throw new LoupeError('bad-input', `${NOT_AN_IMAGE} (got 0 bytes).`);
  let metadata: sharp.Metadata;
  try {
    // metadata() reads the header only; the limit is checked below, with a message that says so.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new LoupeError('bad-input', `${NOT_AN_IMAGE}.`, { cause: error });
  }
  const { width = 0, height = 0 } = metadata;
  if (width === 0 || height === 0) throw new LoupeError('bad-input', `${NOT_AN_IMAGE} (no dimensions in its header).`);
  if (width * height > limits.maxInputPixels) {
    throw new LoupeError(
      'bad-input',
      `Image declares ${width}×${height} pixels, over the ${(limits.maxInputPixels / 1e6).toFixed(0)}-megapixel limit — crop or shrink the image and try again.`,
    );
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: limits.maxInputPixels, pages: 1, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: limits.maxSide, height: limits.maxSide, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels after removeAlpha, got ${info.channels}`);
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: 3 };
  } catch (error) {
    throw new LoupeError(
      'bad-input',
      `${NOT_AN_IMAGE}: it could not be decoded (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
}
