import { z } from 'zod';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { BiasSchema, EntitiesSchema, ProvenanceSchema, SummarySchema, type Bias, type Entities, type Summary } from '../../../shared/protocol/results';
import { PageHintsSchema } from '../../../shared/protocol/page-hints';
import { EngineDeviceSchema, type EngineDevice } from '../engine-protocol';

const MAX_TEXT = 2_000_000;

export const FullTextRequestSchema = z.strictObject({ text: z.string().max(MAX_TEXT) });
export type FullTextRequest = z.infer<typeof FullTextRequestSchema>;

/** Image bytes as base64: Chrome serialises extension messages as JSON. */
export const FullCaptionRequestSchema = z.strictObject({ base64: z.string().min(1), mimeType: z.string().max(100).optional() });
export type FullCaptionRequest = z.infer<typeof FullCaptionRequestSchema>;

export const FullCaptionReplySchema = z.strictObject({ caption: z.string(), provenance: ProvenanceSchema });
export type FullCaptionReply = z.infer<typeof FullCaptionReplySchema>;

/** The text and the lite flags whose cue words explain the NLI model's decisions. */
export const FullFlagBiasRequestSchema = z.strictObject({ text: z.string().max(MAX_TEXT), lite: BiasSchema, page: PageHintsSchema.optional() });
export type FullFlagBiasRequest = z.infer<typeof FullFlagBiasRequestSchema>;

export { BiasSchema, EngineDeviceSchema, EntitiesSchema, SummarySchema };

/** Messages the full-tier engine (Chrome's offscreen document) receives from the background. */
export interface FullEngineProtocol {
  fullEngineInfo(): EngineDevice;
  fullEntities(req: FullTextRequest): Entities;
  fullSummary(req: FullTextRequest): Summary;
  fullCaption(req: FullCaptionRequest): FullCaptionReply;
  fullFlagBias(req: FullFlagBiasRequest): Bias;
}

export const fullEngineMessenger = defineExtensionMessaging<FullEngineProtocol>();

export { base64ToBytes, bytesToBase64 } from '../../lib/base64';
