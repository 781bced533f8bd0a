import type { IncomingHttpHeaders } from 'node:http';
import { LOUPE_SUBPROTOCOL, SOCKET_PATH, parseSubprotocols } from '../shared/protocol/handshake';
import { clipForLog } from './server/refusal-log';

export type GateDecision = { ok: true } | { ok: false; status: number; reason: string };

export interface UpgradeRequest {
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

export interface GatePolicy {
  /** The port the daemon listens on; a Host naming another port is refused. */
  readonly port: number;
  readonly allowedOrigins: ReadonlySet<string>;
  /** Constant-time comparison with the real token. */
  readonly tokenMatches: (presented: string) => boolean;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * True when `host` names this daemon on loopback. A page on evil.com that rebinds its DNS to
 * 127.0.0.1 still sends `Host: evil.com`, which this refuses.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(host.toLowerCase());
  if (!match) return false;
  return LOOPBACK_NAMES.has(match[1] ?? '') && Number(match[2]) === port;
}

const refuse = (status: number, reason: string): GateDecision => ({ ok: false, status, reason });

/**
 * Decides whether a WebSocket upgrade may proceed, before any WebSocket exists. Pure: the
 * caller rate-limits, answers the refusal and logs it.
 */
export function checkUpgrade(request: UpgradeRequest, policy: GatePolicy): GateDecision {
  const pathname = (request.url ?? '').split('?')[0];
  // Client-chosen values are never echoed whole: the path not at all, headers cut short.
  if (pathname !== SOCKET_PATH) return refuse(404, `No WebSocket at this path; connect to ${SOCKET_PATH}.`);
  if (!isLoopbackHost(request.headers.host, policy.port)) {
    return refuse(403, `Host ${clipForLog(request.headers.host)} refused: connect to 127.0.0.1:${policy.port}.`);
  }
  const origin = request.headers.origin;
  if (!origin || origin === 'null' || !policy.allowedOrigins.has(origin)) {
    return refuse(403, `Origin ${clipForLog(origin)} is not paired. For Firefox run \`loupe pair --origin <moz-extension://...>\`.`);
  }
  const { protocols, token } = parseSubprotocols(request.headers['sec-websocket-protocol']);
  if (!protocols.includes(LOUPE_SUBPROTOCOL)) return refuse(400, `Offer the ${LOUPE_SUBPROTOCOL} subprotocol.`);
  if (token === undefined || token === '') {
    return refuse(401, 'No pairing token: open Loupe Options and paste the token printed by `loupe token`.');
  }
  if (!policy.tokenMatches(token)) {
    return refuse(401, 'Wrong pairing token: open Loupe Options and paste the token printed by `loupe token`.');
  }
  return { ok: true };
}
