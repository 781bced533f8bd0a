import { z } from 'zod';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { EngineDeviceSchema } from '../engine-protocol';

/** Images the browser reads text from: the background's own fetch limit (caption-image.ts). */
export const MAX_OCR_IMAGE_BYTES = 20 * 1024 * 1024;

export const ReadImageTextRequestSchema = z.strictObject({
  /** The encoded image (PNG, JPEG...) as base64: Chrome passes messages as JSON. */
  base64: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_OCR_IMAGE_BYTES / 3) * 4),
  mimeType: z.string().max(100).optional(),
});
export type ReadImageTextRequest = z.infer<typeof ReadImageTextRequestSchema>;

export const ReadImageTextReplySchema = z.strictObject({
  /** Every kept line in reading order, rows joined by newlines; empty when none was read. */
  text: z.string(),
  lineCount: z.number().int().nonnegative(),
  device: EngineDeviceSchema,
});
export type ReadImageTextReply = z.infer<typeof ReadImageTextReplySchema>;

/**
 * OCR messages the engine host (Chrome's offscreen document) receives. A messenger of its own,
 * beside the engine protocol's: the image travels once and the pixels never leave the engine
 * host (the detector's input alone is megabytes of floats).
 */
export interface OcrProtocol {
  readImageText(req: ReadImageTextRequest): ReadImageTextReply;
}

export const ocrMessenger = defineExtensionMessaging<OcrProtocol>();

export { base64ToBytes, bytesToBase64 } from '../../lib/base64';
