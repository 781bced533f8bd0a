import WebSocket from 'ws';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { LOUPE_SUBPROTOCOL, tokenSubprotocol } from '../../shared/protocol/handshake';
import { PROTOCOL_VERSION, ServerMessageSchema, type ServerMessage } from '../../shared/protocol/messages';

/** One reply and how long it took. */
export interface Timed {
  reply: ServerMessage;
  ms: number;
}

/** A paired client of the daemon socket, as the extension connects. Every request has a deadline. */
export interface StressClient {
  readonly ws: WebSocket;
  /** Sends `message` (given an id and version) and resolves with its final reply. */
  request(message: Record<string, unknown>, timeoutMs?: number): Promise<Timed>;
  /** Like `request`, followed at once by the binary frame `frameFor(id)` (describe-image). */
  requestWithBinary(message: Record<string, unknown>, frameFor: (id: string) => Uint8Array): Promise<Timed>;
  /** Like `request`, but an `overloaded` reply is retried after its `retryAfterMs` (up to `tries` times). */
  requestWithRetry(message: Record<string, unknown>, tries?: number): Promise<Timed & { retries: number; lastMs: number }>;
  ping(): Promise<number>;
  /** Messages that could not be parsed or matched no request. */
  readonly stray: number;
  close(): void;
}

let nextId = 0;

export function connectStressClient(wsUrl: string, token: string, origin = CHROME_EXTENSION_ORIGIN): Promise<StressClient> {
  const ws = new WebSocket(wsUrl, [LOUPE_SUBPROTOCOL, tokenSubprotocol(token)], { origin, maxPayload: 64 * 1024 * 1024 });
  const pending = new Map<string, (message: ServerMessage) => void>();
  let stray = 0;
  ws.on('message', (data) => {
    const parsed = ServerMessageSchema.safeParse(JSON.parse(data.toString()));
    if (!parsed.success) return void stray++;
    if (parsed.data.type === 'progress') return;
    const waiter = parsed.data.id === null ? undefined : pending.get(parsed.data.id);
    if (!waiter) return void stray++;
    pending.delete(parsed.data.id!);
    waiter(parsed.data);
  });
  const request = (message: Record<string, unknown>, timeoutMs = 60_000, binary?: (id: string) => Uint8Array) => {
    const id = `s${nextId++}`;
    const began = performance.now();
    return new Promise<Timed>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`no reply to ${String(message.type)} ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        resolve({ reply, ms: performance.now() - began });
      });
      ws.send(JSON.stringify({ v: PROTOCOL_VERSION, id, ...message }));
      if (binary) ws.send(binary(id));
    });
  };
  const client: StressClient = {
    ws,
    request: (message, timeoutMs) => request(message, timeoutMs),
    requestWithBinary: (message, frameFor) => request(message, 60_000, frameFor),
    async requestWithRetry(message, tries = 50) {
      const began = performance.now();
      for (let retries = 0; ; retries++) {
        const { reply, ms: lastMs } = await request(message);
        const wait = reply.type === 'error' && reply.error.code === 'overloaded' ? reply.error.retryAfterMs ?? 100 : undefined;
        if (wait === undefined || retries >= tries) return { reply, ms: performance.now() - began, retries, lastMs };
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    },
    async ping() {
      return (await request({ type: 'ping' }, 10_000)).ms;
    },
    get stray() {
      return stray;
    },
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the daemon refused the socket: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
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
  const worker = new Worker(new URL('./ping-worker.mjs', import.meta.url), { workerData: { wsUrl, token, origin: CHROME_EXTENSION_ORIGIN, intervalMs } });
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
