import { LoupeError } from '../../../shared/protocol/errors';
import { decodeImage } from '../decode-image';
import type { Handler } from '../server-deps';

export const describeImage: Handler<'describe-image'> = async (message, { deps, signal, receiveBinary }) => {
  const { byteLength, context, tier } = message.params;
  if (byteLength > deps.maxBinaryBytes) {
    throw new LoupeError('frame-too-large', `The image is ${byteLength} bytes; the daemon accepts images up to ${deps.maxBinaryBytes} bytes. Send a smaller rendition.`);
  }
  const bytes = await receiveBinary(byteLength);
  const png = await decodeImage(bytes, { maxPixels: deps.limits.maxImagePixels });
  signal.throwIfAborted();
  const ocrText = deps.readImageText ? (await deps.readImageText(png)).trim() : undefined;
  signal.throwIfAborted();
  const description = await deps.describeImage({ context, tier, png, ...(ocrText ? { ocrText } : {}) }, { signal });
  return { kind: 'image', description };
};
