import { LoupeError } from '../../../shared/protocol/errors';
import { checkReply } from '../../lib/messaging/validated';
import type { EngineDevice } from '../engine-protocol';
import { ensureOffscreenDocument } from '../ensure-offscreen-document';
import { rethrowWireError } from '../offscreen-runner';
import { bytesToBase64, MAX_OCR_IMAGE_BYTES, ocrMessenger, ReadImageTextReplySchema } from './ocr-protocol';

export interface ImageTextRead {
  readonly text: string;
  /** Where the networks ran. */
  readonly backend: EngineDevice['backend'];
}

/** The background's handle on in-browser OCR. */
export interface ImageTextReader {
  /** @throws LoupeError `bad-input` (not an image, too large), `model-missing`, `model-corrupt`. */
  readText(image: { bytes: Uint8Array; mimeType?: string }): Promise<ImageTextRead>;
}

export interface ImageTextReaderOptions {
  /** Injected for tests: how messages reach the engine host, and how its document is started. */
  messenger?: Pick<typeof ocrMessenger, 'sendMessage'>;
  ensureDocument?: () => Promise<void>;
}

/**
 * Chrome: sends the image to the offscreen document, which decodes it and runs OCR there.
 * Firefox: its MV3 background is an event page with a DOM, so OCR runs right there.
 */
export function createImageTextReader(options: ImageTextReaderOptions = {}): ImageTextReader {
  if (import.meta.env.FIREFOX) return createInPlaceReader();
  const { messenger = ocrMessenger, ensureDocument = ensureOffscreenDocument } = options;
  return {
    async readText({ bytes, mimeType }) {
      checkSize(bytes);
      await ensureDocument();
      const request = { base64: bytesToBase64(bytes), ...(mimeType ? { mimeType } : {}) };
      const reply = await messenger.sendMessage('readImageText', request).catch(rethrowWireError);
      const { text, device } = checkReply(ReadImageTextReplySchema, reply, 'readImageText');
      return { text, backend: device.backend };
    },
  };
}

function createInPlaceReader(): ImageTextReader {
  // Imported lazily so that Chrome's service worker bundle never contains onnxruntime-web.
  let engine: Promise<ReturnType<typeof import('./read-image-text-in-place').readImageTextInPlace>> | undefined;
  return {
    async readText({ bytes, mimeType }) {
      checkSize(bytes);
      engine ??= import('./read-image-text-in-place').then(({ readImageTextInPlace }) => readImageTextInPlace());
      const { ocr, runner } = await engine;
      const { text } = await ocr.readText(new Uint8Array(bytes), mimeType);
      return { text, backend: runner.backend };
    },
  };
}

function checkSize(bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_OCR_IMAGE_BYTES) {
    throw new LoupeError(
      'bad-input',
      `The image is over ${MAX_OCR_IMAGE_BYTES / 1024 / 1024} MB, too large to read text from — open a smaller rendition of it.`,
    );
  }
}
