import { z } from 'zod';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { WireFeedsSchema } from './tensor-codec';

/** Where the in-browser engine runs its networks, and why (shown in provenance and Options). */
export const EngineDeviceSchema = z.strictObject({
  backend: z.enum(['webgpu', 'wasm']),
  reason: z.string().min(1),
});
export type EngineDevice = z.infer<typeof EngineDeviceSchema>;

/** A lite catalogue id, optionally versioned: `lite/entities`, `lite/bias@1`. */
export const LiteModelIdSchema = z.string().regex(/^lite\/[a-z0-9][a-z0-9-]*(@\d+)?$/, 'lite model ids look like lite/<name>[@version]');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A model file served on this machine over http (a freshly trained model, or an e2e fixture).
 * Anything else is refused: bundled models are addressed by id, and nothing is fetched remotely.
 */
export const LoopbackModelUrlSchema = z.string().refine((value) => {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
}, 'model URLs must be http(s) on 127.0.0.1, localhost or [::1]');

export const RunLiteRequestSchema = z.strictObject({
  modelId: LiteModelIdSchema,
  /** Load the model from here instead of the copy bundled in the extension. */
  modelUrl: LoopbackModelUrlSchema.optional(),
  feeds: WireFeedsSchema,
});
export type RunLiteRequest = z.infer<typeof RunLiteRequestSchema>;

export const RunLiteReplySchema = z.strictObject({
  outputs: WireFeedsSchema,
  /** The backend after this run (WebGPU can fall back to wasm when a session fails to start). */
  device: EngineDeviceSchema,
});
export type RunLiteReply = z.infer<typeof RunLiteReplySchema>;

/** Messages the engine host (Chrome's offscreen document) receives from the background. */
export interface EngineProtocol {
  runLite(req: RunLiteRequest): RunLiteReply;
  engineInfo(): EngineDevice;
}

export const engineMessenger = defineExtensionMessaging<EngineProtocol>();
