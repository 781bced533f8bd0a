import type WebSocket from 'ws';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { LoupeError, type WireError } from '../../shared/protocol/errors';
import type { ResultPayload } from '../../shared/protocol/messages';
import type { ClientBody } from '../../shared/protocol/rpc-client';
import { openRpcSocket } from '../bench/bench-socket-client';

/** A request's outcome: its result, or the daemon's error. */
export type Outcome = { type: 'result'; result: ResultPayload } | { type: 'error'; error: WireError };

/** One reply and how long it took. */
export interface Timed {
  reply: Outcome;
  ms: number;
}

/** A paired client of the daemon socket, as the extension connects, over the shared RPC client. */
export interface StressClient {
  readonly ws: WebSocket;
  /** Sends `body` and resolves with its outcome (a daemon error is an outcome, not a rejection). */
  request(body: ClientBody, timeoutMs?: number): Promise<Timed>;
  /** Like `request`, followed at once by `bytes` in a binary frame (describe-image). */
  requestWithBinary(body: ClientBody, bytes: Uint8Array): Promise<Timed>;
  /** Like `request`, but an `overloaded` reply is retried after its `retryAfterMs`, for up to `withinMs`. */
  requestWithRetry(body: ClientBody, withinMs?: number): Promise<Timed & { retries: number; lastMs: number }>;
  ping(): Promise<number>;
  close(): void;
}

let clients = 0;

export async function connectStressClient(wsUrl: string, token: string): Promise<StressClient> {
  const { ws, rpc } = await openRpcSocket(wsUrl, token, `stress${clients++}`, 180_000);
  const request = async (body: ClientBody, options: { timeoutMs?: number; binary?: Uint8Array } = {}): Promise<Timed> => {
    const began = performance.now();
    const reply: Outcome = await rpc.request(body, options).then(
      (result) => ({ type: 'result' as const, result }),
      (error: unknown) => {
        if (!(error instanceof LoupeError)) throw error;
        return {
          type: 'error' as const,
          error: { code: error.code, message: error.message, ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}) },
        };
      },
    );
    return { reply, ms: performance.now() - began };
  };
  return {
    ws,
    request: (body, timeoutMs) => request(body, timeoutMs ? { timeoutMs } : {}),
    requestWithBinary: (body, binary) => request(body, { binary }),
    async requestWithRetry(body, withinMs = 120_000) {
      const began = performance.now();
      for (let retries = 0; ; retries++) {
        const { reply, ms: lastMs } = await request(body);
        const wait = reply.type === 'error' && reply.error.code === 'overloaded' ? (reply.error.retryAfterMs ?? 100) : undefined;
        if (wait === undefined || performance.now() - began + wait > withinMs)
          return { reply, ms: performance.now() - began, retries, lastMs };
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    },
    async ping() {
      return (await request({ type: 'ping' }, { timeoutMs: 10_000 })).ms;
    },
    close: () => ws.close(),
  };
}

/** The p-th percentile (0..100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Pings from a separate thread every `intervalMs` until stopped; resolves with every ping's latency. */
export async function startPinger(wsUrl: string, token: string, intervalMs = 25): Promise<{ stop(): Promise<number[]> }> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./ping-worker.mjs', import.meta.url), {
    workerData: { wsUrl, token, origin: CHROME_EXTENSION_ORIGIN, intervalMs },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (message: { latencies: number[] }) => {
          void worker.terminate();
          resolve(message.latencies);
        });
        worker.postMessage('stop');
      }),
  };
}
