import { LoupeError } from '../../../shared/protocol/errors';
import { decodeImage } from '../decode-image';
import type { Handler, ServerDeps } from '../server-deps';

export const describeImage: Handler<'describe-image'> = async (message, { deps, signal, receiveBinary }) => {
  const { byteLength, context, tier } = message.params;
  if (byteLength > deps.maxImageBytes) {
    throw new LoupeError(
      'input-too-large',
      `The image is ${byteLength} bytes; the daemon accepts images up to ${deps.maxImageBytes} bytes. Send a smaller rendition.`,
    );
  }
  const bytes = await receiveBinary(byteLength);
  const png = await decodeImage(bytes, { maxPixels: deps.limits.maxImagePixels });
  signal.throwIfAborted();
  const ocr = await readText(png, deps, signal);
  const description = await deps.describeImage({ context, tier, png, ...ocr }, { signal });
  return { kind: 'image', description };
};

// An OCR failure (models not installed, a runtime error) must not cost the user the rest of the
// description: it is reported in provenance instead.
async function readText(png: Uint8Array, deps: ServerDeps, signal: AbortSignal): Promise<{ ocrText?: string; ocrUnavailable?: string }> {
  if (!deps.readImageText) return {};
  try {
    const text = (await deps.readImageText(png)).trim();
    signal.throwIfAborted();
    return text ? { ocrText: text } : {};
  } catch (error) {
    if (signal.aborted || (error instanceof LoupeError && error.code === 'cancelled')) throw error;
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.warn(`OCR failed, describing the image without it: ${message}`);
    return { ocrUnavailable: `text in the image was not read: ${message}` };
  }
}
