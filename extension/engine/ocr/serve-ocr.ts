import { LoupeError } from '../../../shared/protocol/errors';
import { validated } from '../../lib/messaging/validated';
import type { EngineDevice } from '../engine-protocol';
import type { BrowserOcr } from './create-browser-ocr';
import { base64ToBytes, ocrMessenger, ReadImageTextRequestSchema, type ReadImageTextReply } from './ocr-protocol';

type Messenger = Pick<typeof ocrMessenger, 'onMessage'>;

/** Answers the background's OCR messages in the engine host; returns a function that stops. */
export function serveOcr(ocr: BrowserOcr, device: () => EngineDevice, messenger: Messenger = ocrMessenger): () => void {
  return messenger.onMessage(
    'readImageText',
    validated(ReadImageTextRequestSchema, async (req): Promise<ReadImageTextReply> => {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = base64ToBytes(req.base64);
      } catch {
        throw new LoupeError('bad-input', 'The image sent for text reading is not valid base64.');
      }
      const { text, lineCount } = await ocr.readText(bytes, req.mimeType);
      return { text, lineCount, device: device() };
    }),
  );
}
