import { describe, expect, it } from 'vitest';
import { createEngineHost } from '../../../extension/engine/engine-host';
import { createEngineHostClient } from '../../../extension/engine/engine-host-client';
import { createBrowserLiteEngine, type ImageTextReader } from '../../../extension/engine/lite/browser-lite-engine';
import { serveEngineHost } from '../../../extension/engine/serve-engine-host';
import { INPUT_LIMITS } from '../../../shared/limits';
import { LoupeError } from '../../../shared/protocol/errors';

type Handler = (message: { data: unknown }) => unknown;

/** Service worker and engine host linked in memory, as JSON, errors rebuilt from their own fields. */
function linkedMessenger() {
  const handlers = new Map<string, Handler>();
  const sent: string[] = [];
  return {
    sent,
    onMessage(type: string, handler: Handler) {
      handlers.set(type, handler);
      return () => {
        handlers.delete(type);
      };
    },
    async sendMessage(type: string, data: unknown) {
      sent.push(type);
      const handler = handlers.get(type)!;
      try {
        return JSON.parse(JSON.stringify((await handler(JSON.parse(JSON.stringify({ data })))) ?? null));
      } catch (error) {
        const { message, ...fields } = error as Error;
        throw Object.assign(new Error(message), fields);
      }
    },
  };
}

function setUp(readImageText?: ImageTextReader) {
  const messenger = linkedMessenger();
  const seen: number[][] = [];
  const reader: ImageTextReader | undefined = readImageText && {
    readText: (image) => {
      seen.push([...image.bytes]);
      return readImageText.readText(image);
    },
  };
  serveEngineHost(createEngineHost({ lite: createBrowserLiteEngine(reader ? { readImageText: reader } : {}) }), messenger as never);
  let started = 0;
  const client = createEngineHostClient({
    messenger: messenger as never,
    ensureDocument: async () => {
      started += 1;
    },
  });
  return { client, seen, started: () => started, messenger };
}

const CONTEXT = [{ source: 'alt' as const, text: 'The harbour at dusk' }];
const TEXT = 'Critics say the shocking plan will obviously fail. Mayor Lena Ortiz announced it on Tuesday.';

describe('the service worker and the engine host, one protocol', () => {
  it('analyses text in the host with the daemon request, and brings back spans into that text', async () => {
    const { client, started } = setUp();
    const analysis = await client.analyze({ text: TEXT, tasks: ['entities', 'bias'], tier: 'full' });
    expect(analysis.bias?.flags.some((f) => TEXT.slice(f.start, f.end) === f.text && f.text.includes('shocking'))).toBe(true);
    expect(analysis.entities?.provenance).toMatchObject({ engine: 'browser', tier: 'lite' });
    expect(started()).toBe(1);
  });

  it('sends the exact image bytes once, and brings back the text read in them with its backend', async () => {
    const { client, seen } = setUp({ readText: async ({ mimeType }) => ({ text: `read ${mimeType}`, backend: 'wasm' }) });
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const described = await client.describeImage({ context: CONTEXT, tier: 'full', mimeType: 'image/png' }, bytes);
    expect(described.ocrText).toBe('read image/png');
    expect(described.context).toEqual(CONTEXT);
    expect(seen).toEqual([[...bytes]]);
  });

  it('keeps the error code and fix of a failed request', async () => {
    const { client } = setUp();
    const error = await client.analyze({ text: '   ', tasks: ['summary'], tier: 'lite' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoupeError);
    expect((error as LoupeError).code).toBe('no-article');
    expect((error as LoupeError).message).toContain('Summarize selection');
  });

  it('refuses an image over the limit before sending it', async () => {
    const { client, seen, started } = setUp({ readText: async () => ({ text: '', backend: 'wasm' }) });
    const error = await client
      .describeImage({ context: CONTEXT, tier: 'lite' }, new Uint8Array(INPUT_LIMITS.maxImageBytes + 1))
      .catch((e: unknown) => e);
    expect((error as LoupeError).code).toBe('bad-input');
    expect((error as LoupeError).message).toContain('open a smaller rendition');
    expect(seen).toEqual([]);
    expect(started()).toBe(0);
  });

  it('cancels a request in the host when its signal aborts, and settles at once', async () => {
    const messenger = linkedMessenger();
    let hostSawAbort = false;
    // A host analysis that runs until it is cancelled.
    const lite = createBrowserLiteEngine();
    const stuck = {
      ...lite,
      analyze: (_text: string, _tasks: unknown, options?: { signal?: AbortSignal }) =>
        new Promise<never>((_, reject) => {
          options?.signal?.addEventListener('abort', () => {
            hostSawAbort = true;
            reject(new LoupeError('cancelled', 'stopped'));
          });
        }),
    };
    serveEngineHost(createEngineHost({ lite: stuck }), messenger as never);
    const client = createEngineHostClient({ messenger: messenger as never, ensureDocument: async () => undefined });
    const controller = new AbortController();
    const pending = client.analyze({ text: TEXT, tasks: ['summary'], tier: 'lite' }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(messenger.sent).toEqual(['analyze']);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(messenger.sent).toEqual(['analyze', 'cancel']);
    expect(hostSawAbort).toBe(true);
    await expect(client.analyze({ text: TEXT, tasks: ['summary'], tier: 'lite' }, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(messenger.sent).toEqual(['analyze', 'cancel']);
  });

  it('answers a malformed request with bad-input', async () => {
    const { messenger } = setUp();
    const error = await messenger.sendMessage('analyze', { id: 'x1', params: { text: 1 } }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('bad-input');
  });
});
