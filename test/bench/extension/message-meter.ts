import type { Browser as Chrome } from '@wxt-dev/browser';
import type { WebWorker } from 'puppeteer-core';

/** Bytes (UTF-8 of the JSON the browser serialises) that crossed each seam of the service worker. */
export interface MessageBytes {
  toContent: number;
  fromContent: number;
  toEngineHost: number;
  fromEngineHost: number;
  /** `storage.session` writes: what the side panel reads. */
  toStorage: number;
  messages: number;
}

export const NO_BYTES: MessageBytes = { toContent: 0, fromContent: 0, toEngineHost: 0, fromEngineHost: 0, toStorage: 0, messages: 0 };

export function totalBytes(bytes: MessageBytes): number {
  return bytes.toContent + bytes.fromContent + bytes.toEngineHost + bytes.fromEngineHost + bytes.toStorage;
}

/**
 * Wraps `chrome.runtime.sendMessage` (to the engine host), `chrome.tabs.sendMessage` (to content
 * scripts) and `chrome.storage.session.set` in the service worker so that every message, every
 * reply and every write is counted. It measures the running extension from outside: the same
 * meter reads any version of it.
 */
export async function installMessageMeter(worker: WebWorker): Promise<void> {
  await allowNamedFunctions(worker);
  await worker.evaluate(() => {
    type Meter = {
      toContent: number;
      fromContent: number;
      toEngineHost: number;
      fromEngineHost: number;
      toStorage: number;
      messages: number;
    };
    const scope = globalThis as unknown as { chrome: typeof Chrome; __loupeMeter?: Meter };
    if (scope.__loupeMeter) return;
    const meter: Meter = { toContent: 0, fromContent: 0, toEngineHost: 0, fromEngineHost: 0, toStorage: 0, messages: 0 };
    scope.__loupeMeter = meter;
    const encoder = new TextEncoder();
    const size = (value: unknown) => (value === undefined ? 0 : encoder.encode(JSON.stringify(value)).length);
    const counted = (key: 'fromContent' | 'fromEngineHost', callback: unknown) =>
      typeof callback === 'function'
        ? (reply: unknown) => {
            meter[key] += size(reply);
            (callback as (r: unknown) => void)(reply);
          }
        : callback;
    const countPromise = (key: 'fromContent' | 'fromEngineHost', result: unknown) => {
      if (result instanceof Promise)
        void result.then(
          (reply) => {
            meter[key] += size(reply);
          },
          () => undefined,
        );
      return result;
    };
    const { runtime, tabs, storage } = scope.chrome;
    const runtimeSend = runtime.sendMessage.bind(runtime) as (...args: unknown[]) => unknown;
    (runtime as { sendMessage: unknown }).sendMessage = (...args: unknown[]) => {
      meter.messages += 1;
      meter.toEngineHost += size(typeof args[0] === 'string' ? args[1] : args[0]);
      const last = args.length - 1;
      if (typeof args[last] === 'function') args[last] = counted('fromEngineHost', args[last]);
      return countPromise('fromEngineHost', runtimeSend(...args));
    };
    const tabsSend = tabs.sendMessage.bind(tabs) as (...args: unknown[]) => unknown;
    (tabs as { sendMessage: unknown }).sendMessage = (...args: unknown[]) => {
      meter.messages += 1;
      meter.toContent += size(args[1]);
      const last = args.length - 1;
      if (typeof args[last] === 'function') args[last] = counted('fromContent', args[last]);
      return countPromise('fromContent', tabsSend(...args));
    };
    const session = storage.session;
    const sessionSet = session.set.bind(session) as (...args: unknown[]) => unknown;
    (session as { set: unknown }).set = (...args: unknown[]) => {
      meter.toStorage += size(args[0]);
      return sessionSet(...args);
    };
  });
}

/**
 * tsx (esbuild with keepNames) wraps named functions in `__name(...)`, a helper that does not
 * exist in the browser contexts puppeteer sends functions to: define it there as a no-op.
 */
export async function allowNamedFunctions(context: Pick<WebWorker, 'evaluate'>): Promise<void> {
  await context.evaluate('globalThis.__name ??= (fn) => fn');
}

/** The counts since the last reset, and starts counting from zero again. */
export function takeMessageBytes(worker: WebWorker): Promise<MessageBytes> {
  return worker.evaluate(() => {
    const scope = globalThis as unknown as { __loupeMeter?: Record<string, number> };
    const meter = scope.__loupeMeter;
    if (!meter) throw new Error('installMessageMeter first');
    const taken = { ...meter };
    for (const key of Object.keys(meter)) meter[key] = 0;
    return taken as unknown as MessageBytes;
  });
}
