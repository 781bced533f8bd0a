import { LoupeError } from '../../../shared/protocol/errors';

/** Bounds on what the browser decodes for OCR: the daemon's (daemon/ocr/decode-ocr-image.ts), for the same results. */
export interface OcrDecodeLimits {
  /** Width × height above this is refused (decompression bombs), from the header when it can be read. */
  readonly maxInputPixels: number;
  /** Larger images are scaled down so their longer side is this; text stays legible. */
  readonly maxSide: number;
}

export const DEFAULT_OCR_DECODE_LIMITS: OcrDecodeLimits = { maxInputPixels: 40_000_000, maxSide: 4096 };

export const NOT_AN_IMAGE =
  'Not an image Loupe can read in the browser (PNG, JPEG, WebP, GIF, AVIF or BMP) — right-click the picture itself rather than a link or a page background';

/** @throws LoupeError `bad-input` when `width × height` is over the limit, or not a size at all. */
export function checkImagePixels(width: number, height: number, limits: OcrDecodeLimits = DEFAULT_OCR_DECODE_LIMITS): void {
  if (!(width > 0 && height > 0)) throw new LoupeError('bad-input', `${NOT_AN_IMAGE} (it declares a ${width}×${height} size).`);
  if (width * height > limits.maxInputPixels) {
    throw new LoupeError(
      'bad-input',
      `Image declares ${width}×${height} pixels, over the ${(limits.maxInputPixels / 1e6).toFixed(0)}-megapixel limit — crop or shrink the image and try again.`,
    );
  }
}

/** The size the image is drawn at for OCR: scaled down (never up) so its longer side fits `maxSide`. */
export function fitInside(
  width: number,
  height: number,
  limits: OcrDecodeLimits = DEFAULT_OCR_DECODE_LIMITS,
): { width: number; height: number } {
  const scale = Math.min(1, limits.maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
