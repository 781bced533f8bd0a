import WebSocket from 'ws';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { LOUPE_SUBPROTOCOL, tokenSubprotocol } from '../../shared/protocol/handshake';
import { requestAnalysis } from '../../shared/protocol/daemon-requests';
import type { AnalyzeParams } from '../../shared/protocol/messages';
import type { Analysis } from '../../shared/protocol/results';
import { createRpcClient, DaemonUnavailableError, type RpcClient } from '../../shared/protocol/rpc-client';

/** A client of the daemon socket, as the extension connects: token + extension origin, the shared RPC client. */
export interface BenchClient {
  /** Sends one analyze request; resolves with the analysis, rejects with the daemon's error. */
  analyze(params: AnalyzeParams): Promise<Analysis>;
  close(): void;
}

const REPLY_TIMEOUT_MS = 30_000;

/** An open socket to `wsUrl` with the pairing `token`, from the Chrome extension's origin, driven by the shared RPC client. */
export function openRpcSocket(
  wsUrl: string,
  token: string,
  name: string,
  timeoutMs = REPLY_TIMEOUT_MS,
): Promise<{ ws: WebSocket; rpc: RpcClient }> {
  const ws = new WebSocket(wsUrl, [LOUPE_SUBPROTOCOL, tokenSubprotocol(token)], {
    origin: CHROME_EXTENSION_ORIGIN,
    maxPayload: 256 * 1024 * 1024,
  });
  let next = 0;
  const rpc = createRpcClient({
    send: (frame) => ws.send(frame),
    schedule(ms, fn) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    timeoutMs,
    nextId: () => `${name}-${next++}`,
  });
  ws.on('message', (data, isBinary) => {
    if (!isBinary) rpc.receiveText(data.toString());
  });
  ws.on('close', () => rpc.rejectAll(new DaemonUnavailableError('disconnected', 'the daemon closed the socket')));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, rpc }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the daemon refused the socket: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Opens a socket to `wsUrl` with the pairing `token`, from the Chrome extension's origin. */
export async function connectBenchClient(wsUrl: string, token: string, name: string): Promise<BenchClient> {
  const { ws, rpc } = await openRpcSocket(wsUrl, token, name);
  return { analyze: (params) => requestAnalysis(rpc.request, params), close: () => ws.close() };
}
