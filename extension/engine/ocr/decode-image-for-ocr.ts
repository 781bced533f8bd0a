import type { OcrImage } from '../../../shared/lite/ocr/ocr-image';
import { LoupeError } from '../../../shared/protocol/errors';
import { checkImagePixels, DEFAULT_OCR_DECODE_LIMITS, fitInside, NOT_AN_IMAGE, type OcrDecodeLimits } from './ocr-decode-limits';
import { readImageSize } from './read-image-size';

/** The slice of `ImageBitmap` this reads. */
export interface BitmapLike {
  readonly width: number;
  readonly height: number;
  close(): void;
}

/** The slice of a 2D canvas context this draws with. */
export interface Canvas2dLike {
  fillStyle: unknown;
  imageSmoothingQuality: 'low' | 'medium' | 'high';
  fillRect(x: number, y: number, width: number, height: number): void;
  drawImage(image: never, dx: number, dy: number, dw: number, dh: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}

/** How pixels are obtained; the defaults are the browser's, tests pass fakes. */
export interface ImageDecoder {
  decode(blob: Blob): Promise<BitmapLike>;
  canvas(width: number, height: number): Canvas2dLike;
}

const browserDecoder: ImageDecoder = {
  // 'from-image' applies EXIF orientation, as the daemon's sharp `.rotate()` does.
  decode: (blob) => createImageBitmap(blob, { imageOrientation: 'from-image' }),
  canvas(width, height) {
    const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!context)
      throw new LoupeError(
        'internal',
        'This browser gave no 2D canvas to read the image with — update the browser, or pair the daemon (Options) to read text in images there.',
      );
    return context as unknown as Canvas2dLike;
  },
};

/**
 * Decodes encoded image bytes to RGBA pixels for OCR, with the daemon's limits: a header that
 * declares more than `maxInputPixels` is refused before decoding; the first frame is drawn on
 * white (transparency reads as white, as in the daemon) and scaled down to `maxSide`.
 * @throws LoupeError `bad-input` for what is not an image (SVG included) or is too large.
 */
export async function decodeImageForOcr(
  bytes: Uint8Array<ArrayBuffer>,
  mimeType: string | undefined,
  limits: OcrDecodeLimits = DEFAULT_OCR_DECODE_LIMITS,
  decoder: ImageDecoder = browserDecoder,
): Promise<OcrImage> {
  if (bytes.length === 0) throw new LoupeError('bad-input', `${NOT_AN_IMAGE} (got 0 bytes).`);
  if (mimeType === 'image/svg+xml') {
    throw new LoupeError(
      'bad-input',
      'SVG images are not read for text in the browser — pair the daemon (Options) to read text in SVG images.',
    );
  }
  const declared = readImageSize(bytes);
  if (declared) checkImagePixels(declared.width, declared.height, limits);
  let bitmap: BitmapLike;
  try {
    bitmap = await decoder.decode(new Blob([bytes], mimeType ? { type: mimeType } : {}));
  } catch (error) {
    throw new LoupeError(
      'bad-input',
      `${NOT_AN_IMAGE}: it could not be decoded (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  try {
    // Formats whose header is not read here are checked once decoded.
    checkImagePixels(bitmap.width, bitmap.height, limits);
    const { width, height } = fitInside(bitmap.width, bitmap.height, limits);
    const context = decoder.canvas(width, height);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap as never, 0, 0, width, height);
    return { data: context.getImageData(0, 0, width, height).data, width, height, channels: 4 };
  } finally {
    bitmap.close();
  }
}
