import WebSocket from 'ws';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { LOUPE_SUBPROTOCOL, tokenSubprotocol } from '../../shared/protocol/handshake';
import { PROTOCOL_VERSION, type AnalyzeParams, type ServerMessage } from '../../shared/protocol/messages';

/** A minimal client of the daemon socket, as the extension connects: token + extension origin. */
export interface BenchClient {
  /** Sends one analyze request; resolves with the final reply (result or error), never a progress event. */
  analyze(params: AnalyzeParams): Promise<ServerMessage>;
  close(): void;
}

const REPLY_TIMEOUT_MS = 30_000;

/** Opens a socket to `wsUrl` with the pairing `token`, from the Chrome extension's origin. */
export function connectBenchClient(wsUrl: string, token: string, name: string): Promise<BenchClient> {
  const ws = new WebSocket(wsUrl, [LOUPE_SUBPROTOCOL, tokenSubprotocol(token)], { origin: CHROME_EXTENSION_ORIGIN });
  const pending = new Map<string, { resolve: (m: ServerMessage) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  let next = 0;
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as ServerMessage;
    if (message.type === 'progress' || message.id === null) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    pending.delete(message.id);
    waiter.resolve(message);
  });
  ws.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('the daemon closed the socket'));
    pending.clear();
  });
  const client: BenchClient = {
    analyze(params) {
      const id = `${name}-${next++}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`no reply to ${id} within ${REPLY_TIMEOUT_MS} ms`));
        }, REPLY_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        ws.send(JSON.stringify({ v: PROTOCOL_VERSION, type: 'analyze', id, params }));
      });
    },
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the daemon refused the socket: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}
