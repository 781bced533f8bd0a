import type { z } from 'zod';
import { ErrorCodeSchema, LoupeError } from '../../shared/protocol/errors';
import { AnalysisSchema, ImageDescriptionSchema } from '../../shared/protocol/results';
import { bytesToBase64 } from '../lib/base64';
import { checkReply } from '../lib/messaging/validated';
import { checkImageSize, type EngineHost, engineHostMessenger, HostHelloSchema } from './engine-host-protocol';
import { ensureOffscreenDocument } from './ensure-offscreen-document';

export interface EngineHostClientOptions {
  /** Injected for tests: how messages reach the engine host, and how its document is started. */
  messenger?: Pick<typeof engineHostMessenger, 'sendMessage'>;
  ensureDocument?: () => Promise<void>;
}

/** @webext-core/messaging rebuilds a plain Error with the thrown error's own fields: keep the code. */
export function rethrowWireError(error: unknown): never {
  const code = ErrorCodeSchema.safeParse((error as { code?: unknown } | null)?.code);
  if (code.success && error instanceof Error) throw new LoupeError(code.data, error.message);
  throw error;
}

const cancelled = () => new LoupeError('cancelled', 'Request cancelled.');

/**
 * The service worker's handle on the engine host. Chrome: the host is the offscreen document
 * (created on first use), reached by one message per request; aborting a request cancels it
 * there and settles here at once. Firefox: its MV3 background is an event page with a DOM, so
 * the host runs right there.
 */
export function createEngineHostClient(options: EngineHostClientOptions = {}): EngineHost {
  if (import.meta.env.FIREFOX) return inPlaceHost();
  const { messenger = engineHostMessenger, ensureDocument = ensureOffscreenDocument } = options;
  let seq = 0;

  async function call<S extends z.ZodType>(
    signal: AbortSignal | undefined,
    send: (id: string) => Promise<unknown>,
    schema: S,
    what: string,
  ): Promise<z.infer<S>> {
    seq += 1;
    const id = `h${seq}`;
    let sent = false;
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        if (sent) void messenger.sendMessage('cancel', { target: id }).catch(() => undefined);
        reject(cancelled());
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    try {
      const reply = await Promise.race([
        ensureDocument().then(() => {
          if (signal?.aborted) throw cancelled();
          sent = true;
          return send(id).catch(rethrowWireError);
        }),
        aborted,
      ]);
      return checkReply(schema, reply, what);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    hello: () => call(undefined, () => messenger.sendMessage('hello', undefined), HostHelloSchema, 'hello'),
    analyze: (params, { signal } = {}) => call(signal, (id) => messenger.sendMessage('analyze', { id, params }), AnalysisSchema, 'analyze'),
    async describeImage(params, image, { signal } = {}) {
      if (image) checkImageSize(image);
      const base64 = image ? { base64: bytesToBase64(image) } : {};
      return call(
        signal,
        (id) => messenger.sendMessage('describeImage', { id, params, ...base64 }),
        ImageDescriptionSchema,
        'describeImage',
      );
    },
  };
}

function inPlaceHost(): EngineHost {
  // Imported lazily so that Chrome's service worker bundle never contains the runtimes.
  let host: Promise<EngineHost> | undefined;
  const get = () => (host ??= import('./start-engine-host').then(({ startEngineHost }) => startEngineHost()));
  return {
    hello: async () => (await get()).hello(),
    analyze: async (params, options) => (await get()).analyze(params, options),
    describeImage: async (params, image, options) => (await get()).describeImage(params, image, options),
  };
}
