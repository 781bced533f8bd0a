import type { z } from 'zod';
import type { FullTasks } from '../../../shared/full/full-tasks';
import { checkReply } from '../../lib/messaging/validated';
import type { EngineDevice } from '../engine-protocol';
import { ensureOffscreenDocument } from '../ensure-offscreen-document';
import { rethrowWireError } from '../offscreen-runner';
import type { BrowserFullEngine } from './browser-full-engine';
import {
  BiasSchema, bytesToBase64, EngineDeviceSchema, EntitiesSchema, FullCaptionReplySchema, fullEngineMessenger, SummarySchema,
} from './full-engine-protocol';

/** The background's handle on the full-tier engine: its tasks, run in the engine host. */
export interface FullEngineClient extends FullTasks {
  info(): Promise<EngineDevice>;
}

export interface FullEngineClientOptions {
  messenger?: Pick<typeof fullEngineMessenger, 'sendMessage'>;
  ensureDocument?: () => Promise<void>;
}

/**
 * Chrome: the full tier runs in the offscreen document (a service worker cannot hold a WebGPU
 * device or a large wasm heap). Firefox: its background page has a DOM, so it runs right there.
 */
export function createFullEngineClient(options: FullEngineClientOptions = {}): FullEngineClient {
  if (import.meta.env.FIREFOX) return inPlaceClient();
  const { messenger = fullEngineMessenger, ensureDocument = ensureOffscreenDocument } = options;
  const send = async <S extends z.ZodType>(run: () => Promise<unknown>, schema: S, what: string): Promise<z.infer<S>> => {
    await ensureDocument();
    return checkReply(schema, await run().catch(rethrowWireError), what);
  };
  return {
    info: () => send(() => messenger.sendMessage('fullEngineInfo', undefined), EngineDeviceSchema, 'fullEngineInfo'),
    tagEntities: (text) => send(() => messenger.sendMessage('fullEntities', { text }), EntitiesSchema, 'fullEntities'),
    summarize: (text) => send(() => messenger.sendMessage('fullSummary', { text }), SummarySchema, 'fullSummary'),
    caption: (bytes, mimeType) => send(() => messenger.sendMessage('fullCaption', { base64: bytesToBase64(bytes), ...(mimeType ? { mimeType } : {}) }), FullCaptionReplySchema, 'fullCaption'),
    flagBias: (text, lite, options) => send(() => messenger.sendMessage('fullFlagBias', { text, lite, ...(options?.page ? { page: options.page } : {}) }), BiasSchema, 'fullFlagBias'),
  };
}

function inPlaceClient(): FullEngineClient {
  // Imported lazily so that Chrome's service worker bundle never contains transformers.js.
  let engine: Promise<BrowserFullEngine> | undefined;
  const get = () => (engine ??= import('./browser-full-engine').then(({ createBrowserFullEngine }) => createBrowserFullEngine()));
  return {
    info: async () => (await get()).info(),
    tagEntities: async (text) => (await get()).tagEntities(text),
    summarize: async (text, options) => (await get()).summarize(text, options),
    caption: async (bytes, mimeType) => (await get()).caption(bytes, mimeType),
    flagBias: async (text, lite, options) => (await get()).flagBias(text, lite, options),
  };
}
