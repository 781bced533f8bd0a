import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { INPUT_LIMITS } from '../../shared/limits';
import { LoupeError } from '../../shared/protocol/errors';
import { type AnalyzeParams, AnalyzeParamsSchema, RequestIdSchema } from '../../shared/protocol/messages';
import { type Analysis, type ImageDescription, ImageDescriptionSchema } from '../../shared/protocol/results';

/** Where the in-browser engine runs its networks, and why (shown in provenance and Options). */
export const EngineDeviceSchema = z.strictObject({
  backend: z.enum(['webgpu', 'wasm']),
  reason: z.string().min(1),
});
export type EngineDevice = z.infer<typeof EngineDeviceSchema>;

/** The engine host's answer to `hello`: where its lite and full models run, and why. */
export const HostHelloSchema = z.strictObject({ lite: EngineDeviceSchema, full: EngineDeviceSchema });
export type HostHello = z.infer<typeof HostHelloSchema>;

/** The daemon's `analyze` request, as the engine host receives it: same params, an id to cancel it by. */
export const HostAnalyzeRequestSchema = z.strictObject({ id: RequestIdSchema, params: AnalyzeParamsSchema });
export type HostAnalyzeRequest = z.infer<typeof HostAnalyzeRequestSchema>;

/** The daemon's `describe-image` params, without the byte length its binary frame needs. */
export const HostImageParamsSchema = z.strictObject({
  context: ImageDescriptionSchema.shape.context,
  tier: z.enum(['lite', 'full']).default('lite'),
  mimeType: z.string().max(100).optional(),
});
export type HostImageParams = z.infer<typeof HostImageParamsSchema>;

export const HostDescribeImageRequestSchema = z.strictObject({
  id: RequestIdSchema,
  params: HostImageParamsSchema,
  /** The encoded image as base64 (extension messages are JSON); absent when it could not be read. */
  base64: z
    .string()
    .min(1)
    .max(Math.ceil(INPUT_LIMITS.maxImageBytes / 3) * 4)
    .optional(),
});
export type HostDescribeImageRequest = z.infer<typeof HostDescribeImageRequestSchema>;

export const HostCancelRequestSchema = z.strictObject({ target: RequestIdSchema });

/**
 * The one protocol of the in-browser engine host (Chrome's offscreen document): the daemon's
 * request/result messages, so the router sends the same request to the browser or the daemon.
 * Everything that touches tensors (lite models, OCR, the full tier) happens inside the host;
 * only text, spans and image bytes cross.
 */
export interface EngineHostProtocol {
  hello(): HostHello;
  analyze(req: HostAnalyzeRequest): Analysis;
  describeImage(req: HostDescribeImageRequest): ImageDescription;
  /** Stops the work of request `target` (its tab closed, or a newer request replaced it). */
  cancel(req: z.infer<typeof HostCancelRequestSchema>): void;
}

export const engineHostMessenger = defineExtensionMessaging<EngineHostProtocol>();

/**
 * The in-browser engine: lite, full and OCR behind the daemon's requests. It runs in the engine
 * host (Chrome's offscreen document, Firefox's background page); the service worker reaches it
 * through the engine host client with the same calls.
 */
export interface EngineHost {
  /** Where the lite and full models run, and why (starts the backend choice). */
  hello(): Promise<HostHello>;
  analyze(params: AnalyzeParams, options?: { signal?: AbortSignal }): Promise<Analysis>;
  /** `image`: the picture's encoded bytes when they could be fetched. */
  describeImage(params: HostImageParams, image?: Uint8Array, options?: { signal?: AbortSignal }): Promise<ImageDescription>;
}

/** @throws LoupeError `bad-input` for an image over the limit, naming what to do instead. */
export function checkImageSize(bytes: Uint8Array): void {
  if (bytes.byteLength > INPUT_LIMITS.maxImageBytes) {
    throw new LoupeError(
      'bad-input',
      `The image is over ${INPUT_LIMITS.maxImageBytes / 1024 / 1024} MB, too large to read text from — open a smaller rendition of it.`,
    );
  }
}
