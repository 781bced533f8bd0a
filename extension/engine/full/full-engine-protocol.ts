import { z } from 'zod';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { EntitiesSchema, ProvenanceSchema, SummarySchema } from '../../../shared/protocol/results';
import { EngineDeviceSchema, type EngineDevice } from '../engine-protocol';

const MAX_TEXT = 2_000_000;

export const FullTextRequestSchema = z.strictObject({ text: z.string().max(MAX_TEXT) });
export type FullTextRequest = z.infer<typeof FullTextRequestSchema>;

/** Image bytes as base64: Chrome serialises extension messages as JSON. */
export const FullCaptionRequestSchema = z.strictObject({ base64: z.string().min(1), mimeType: z.string().max(100).optional() });
export type FullCaptionRequest = z.infer<typeof FullCaptionRequestSchema>;

export const FullCaptionReplySchema = z.strictObject({ caption: z.string(), provenance: ProvenanceSchema });
export type FullCaptionReply = z.infer<typeof FullCaptionReplySchema>;

export const FullClassifyRequestSchema = z.strictObject({
  texts: z.array(z.string().max(20_000)).max(5_000),
  labels: z.array(z.string().min(1)).min(2).max(10),
  hypothesisTemplate: z.string().includes('{}'),
});
export type FullClassifyRequest = z.infer<typeof FullClassifyRequestSchema>;

export const FullClassifyReplySchema = z.strictObject({
  results: z.array(z.strictObject({ labels: z.array(z.string()), scores: z.array(z.number()) })),
  provenance: ProvenanceSchema,
});
export type FullClassifyReply = z.infer<typeof FullClassifyReplySchema>;

export { EngineDeviceSchema, EntitiesSchema, SummarySchema };

/** Messages the full-tier engine (Chrome's offscreen document) receives from the background. */
export interface FullEngineProtocol {
  fullEngineInfo(): EngineDevice;
  fullEntities(req: FullTextRequest): z.infer<typeof EntitiesSchema>;
  fullSummary(req: FullTextRequest): z.infer<typeof SummarySchema>;
  fullCaption(req: FullCaptionRequest): FullCaptionReply;
  fullClassify(req: FullClassifyRequest): FullClassifyReply;
}

export const fullEngineMessenger = defineExtensionMessaging<FullEngineProtocol>();

export { base64ToBytes, bytesToBase64 } from '../../lib/base64';
