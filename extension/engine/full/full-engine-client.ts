import type { z } from 'zod';
import { ErrorCodeSchema, LoupeError } from '../../../shared/protocol/errors';
import type { Entities, Summary } from '../../../shared/protocol/results';
import { checkReply } from '../../lib/messaging/validated';
import type { EngineDevice } from '../engine-protocol';
import { ensureOffscreenDocument } from '../ensure-offscreen-document';
import type { BrowserFullEngine } from './browser-full-engine';
import {
  bytesToBase64, EngineDeviceSchema, EntitiesSchema, FullCaptionReplySchema, FullClassifyReplySchema, fullEngineMessenger, SummarySchema,
  type FullCaptionReply, type FullClassifyReply,
} from './full-engine-protocol';

/** The background's handle on the full-tier engine. */
export interface FullEngineClient {
  info(): Promise<EngineDevice>;
  tagEntities(text: string): Promise<Entities>;
  summarize(text: string): Promise<Summary>;
  caption(bytes: Uint8Array, mimeType?: string): Promise<FullCaptionReply>;
  classify(texts: string[], labels: string[], hypothesisTemplate: string): Promise<FullClassifyReply>;
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
    classify: (texts, labels, hypothesisTemplate) => send(() => messenger.sendMessage('fullClassify', { texts, labels, hypothesisTemplate }), FullClassifyReplySchema, 'fullClassify'),
  };
}

function inPlaceClient(): FullEngineClient {
  // Imported lazily so that Chrome's service worker bundle never contains transformers.js.
  let engine: Promise<BrowserFullEngine> | undefined;
  const get = () => (engine ??= import('./browser-full-engine').then(({ createBrowserFullEngine }) => createBrowserFullEngine()));
  return {
    info: async () => (await get()).info(),
    tagEntities: async (text) => (await get()).tagEntities(text),
    summarize: async (text) => (await get()).summarize(text),
    caption: async (bytes, mimeType) => (await get()).caption(new Blob([new Uint8Array(bytes)], mimeType ? { type: mimeType } : {})),
    classify: async (texts, labels, template) => (await get()).classify(texts, labels, template),
  };
}

/** @webext-core/messaging rebuilds a plain Error with the thrown error's own fields: keep the code. */
function rethrowWireError(error: unknown): never {
  const code = ErrorCodeSchema.safeParse((error as { code?: unknown } | null)?.code);
  if (code.success && error instanceof Error) throw new LoupeError(code.data, error.message);
  throw error;
}
