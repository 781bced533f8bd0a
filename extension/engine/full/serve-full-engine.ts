import { NoPayloadSchema } from '../../lib/messaging/background-protocol';
import { validated } from '../../lib/messaging/validated';
import type { BrowserFullEngine } from './browser-full-engine';
import {
  base64ToBytes, FullCaptionRequestSchema, fullEngineMessenger, FullFlagBiasRequestSchema, FullTextRequestSchema,
} from './full-engine-protocol';

type Messenger = Pick<typeof fullEngineMessenger, 'onMessage'>;

/** Answers the background's full-tier messages with `engine`; returns a function that stops. */
export function serveFullEngine(engine: BrowserFullEngine, messenger: Messenger = fullEngineMessenger): () => void {
  const stops = [
    messenger.onMessage('fullEngineInfo', validated(NoPayloadSchema, () => engine.info())),
    messenger.onMessage('fullEntities', validated(FullTextRequestSchema, ({ text }) => engine.tagEntities(text))),
    messenger.onMessage('fullSummary', validated(FullTextRequestSchema, ({ text }) => engine.summarize(text))),
    messenger.onMessage('fullCaption', validated(FullCaptionRequestSchema, ({ base64, mimeType }) => engine.caption(base64ToBytes(base64), mimeType))),
    messenger.onMessage('fullFlagBias', validated(FullFlagBiasRequestSchema, ({ text, lite, page }) => engine.flagBias(text, lite, page ? { page } : {}))),
  ];
  return () => { for (const stop of stops) stop(); };
}
