import { describe, expect, it } from 'vitest';
import type { BrowserOcr } from '../../../../extension/engine/ocr/create-browser-ocr';
import { createImageTextReader } from '../../../../extension/engine/ocr/create-image-text-reader';
import { serveOcr } from '../../../../extension/engine/ocr/serve-ocr';
import { LoupeError } from '../../../../shared/protocol/errors';

type Handler = (message: { data: unknown }) => unknown;

/** Background and engine host linked in memory, as JSON, errors rebuilt from their own fields. */
function linkedMessenger() {
  const handlers = new Map<string, Handler>();
  return {
    onMessage(type: string, handler: Handler) {
      handlers.set(type, handler);
      return () => { handlers.delete(type); };
    },
    async sendMessage(type: string, data: unknown) {
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

function setUp(ocr: BrowserOcr) {
  const messenger = linkedMessenger();
  const seen: number[][] = [];
  serveOcr({ readText: (bytes, mimeType) => { seen.push([...bytes]); return ocr.readText(bytes, mimeType); } }, () => ({ backend: 'wasm', reason: 'WebGPU gave no adapter; using WebAssembly' }), messenger as never);
  let started = 0;
  const reader = createImageTextReader({ messenger: messenger as never, ensureDocument: async () => { started += 1; } });
  return { reader, seen, started: () => started, messenger };
}

describe('reading image text from the background through the engine host', () => {
  it('sends the exact bytes, starts the engine document, and brings back the text and backend', async () => {
    const { reader, seen, started } = setUp({ readText: async (_bytes, mimeType) => ({ text: `read ${mimeType}`, lineCount: 1 }) });
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const read = await reader.readText({ bytes, mimeType: 'image/png' });
    expect(read).toEqual({ text: 'read image/png', backend: 'wasm' });
    expect(seen[0]).toEqual([...bytes]);
    expect(started()).toBe(1);
  });

  it('keeps the error code and fix of a failed read', async () => {
    const { reader } = setUp({ readText: async () => { throw new LoupeError('bad-input', 'Not an image Loupe can read in the browser — right-click the picture itself'); } });
    const error = await reader.readText({ bytes: new Uint8Array([1]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoupeError);
    expect((error as LoupeError).code).toBe('bad-input');
    expect((error as LoupeError).message).toContain('right-click the picture itself');
  });

  it('refuses an image over 20 MB before sending it', async () => {
    const { reader, seen, started } = setUp({ readText: async () => ({ text: '', lineCount: 0 }) });
    const error = await reader.readText({ bytes: new Uint8Array(20 * 1024 * 1024 + 1) }).catch((e: unknown) => e);
    expect((error as LoupeError).code).toBe('bad-input');
    expect((error as LoupeError).message).toContain('open a smaller rendition');
    expect(seen).toEqual([]);
    expect(started()).toBe(0);
  });

  it('answers a malformed request with bad-input', async () => {
    const { messenger } = setUp({ readText: async () => ({ text: '', lineCount: 0 }) });
    const error = await messenger.sendMessage('readImageText', { base64: '%%%not base64%%%' }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('bad-input');
  });
});
