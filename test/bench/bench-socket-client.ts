import WebSocket from 'ws';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { LOUPE_SUBPROTOCOL, tokenSubprotocol } from '../../shared/protocol/handshake';
import type { AnalyzeParams, ResultPayload } from '../../shared/protocol/messages';
import { createRpcClient, DaemonUnavailableError } from '../../shared/protocol/rpc-client';

/** A client of the daemon socket, as the extension connects: token + extension origin, the shared RPC client. */
export interface BenchClient {
  /** Sends one analyze request; resolves with its result, rejects with the daemon's error. */
  analyze(params: AnalyzeParams): Promise<ResultPayload>;
  close(): void;
}

const REPLY_TIMEOUT_MS = 30_000;

/** Opens a socket to `wsUrl` with the pairing `token`, from the Chrome extension's origin. */
export function connectBenchClient(wsUrl: string, token: string, name: string): Promise<BenchClient> {
  const ws = new WebSocket(wsUrl, [LOUPE_SUBPROTOCOL, tokenSubprotocol(token)], { origin: CHROME_EXTENSION_ORIGIN });
  let next = 0;
  const rpc = createRpcClient({
    send: (frame) => ws.send(frame),
    schedule(ms, fn) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    timeoutMs: REPLY_TIMEOUT_MS,
    nextId: () => `${name}-${next++}`,
  });
  ws.on('message', (data, isBinary) => { if (!isBinary) rpc.receiveText(data.toString()); });
  ws.on('close', () => rpc.rejectAll(new DaemonUnavailableError('disconnected', 'the daemon closed the socket')));
  const client: BenchClient = {
    analyze: (params) => rpc.request({ type: 'analyze', params }),
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the daemon refused the socket: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}
