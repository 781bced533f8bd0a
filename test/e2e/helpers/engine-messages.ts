import type { WebWorker } from 'puppeteer-core';
import type { EngineHostProtocol } from '../../../extension/engine/engine-host-protocol';

/** What @webext-core/messaging answers on the wire: `{res}` on success, `{err}` (a serialised Error) on failure. */
export type EngineReply<T> = { res: T; err?: undefined } | { res?: undefined; err: { message: string; code?: string } };

type ChromeLike = {
  runtime: {
    getURL(path: string): string;
    getContexts(filter: object): Promise<unknown[]>;
    sendMessage(message: unknown): Promise<unknown>;
  };
  offscreen: { createDocument(params: object): Promise<void> };
};

/**
 * Sends one engine host message from the background service worker to the offscreen document,
 * the way the engine host client does (a service worker cannot call its own bundled functions
 * from `evaluate`, so this speaks the messaging envelope directly).
 */
export async function sendToEngine<K extends keyof EngineHostProtocol>(
  worker: WebWorker,
  type: K,
  data: Parameters<EngineHostProtocol[K]>[0],
): Promise<EngineReply<ReturnType<EngineHostProtocol[K]>>> {
  // No named inner functions: the test transpiler would wrap them in a helper the worker lacks.
  return worker.evaluate(
    async (type, data) => {
      const chrome = (globalThis as unknown as { chrome: ChromeLike }).chrome;
      const filter = { contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [chrome.runtime.getURL('/offscreen.html')] };
      if ((await chrome.runtime.getContexts(filter)).length === 0) {
        try {
          await chrome.offscreen.createDocument({
            url: 'offscreen.html',
            reasons: ['WORKERS'],
            justification: 'Run Loupe models with WebAssembly/WebGPU',
          });
        } catch (error) {
          // The background may have created it meanwhile: only one can exist.
          if ((await chrome.runtime.getContexts(filter)).length === 0) throw error;
        }
      }
      return chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
    },
    type,
    data,
  ) as Promise<EngineReply<ReturnType<EngineHostProtocol[K]>>>;
}
