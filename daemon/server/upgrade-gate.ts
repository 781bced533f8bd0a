import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger';
import type { RateLimiter } from '../rate-limiter';
import { checkUpgrade, type GateDecision } from '../security-gate';
import { tokensMatch } from '../token-store';

export interface UpgradeGateOptions {
  tokenStore: { read(): Promise<string> };
  allowedOrigins: () => Promise<ReadonlySet<string>>;
  limiter: RateLimiter;
  /** The bound port (known only after listen when the setting is 0). */
  port: () => number;
  logger: Logger;
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const text = reason + '\n';
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

/**
 * Runs the security gate on every upgrade request and answers refusals over plain HTTP, so no
 * WebSocket ever exists for a request that failed it. `accept` is called for the others.
 */
export function createUpgradeGate(options: UpgradeGateOptions) {
  const { limiter, logger } = options;

  async function decide(req: http.IncomingMessage): Promise<GateDecision> {
    // Keyed by Origin: a hostile web page that fails again and again blocks only its own
    // origin, never the extension's.
    const key = req.headers.origin ?? '(none)';
    const wait = limiter.blockedFor(key);
    if (wait > 0) return { ok: false, status: 429, reason: `Too many failed attempts; try again in ${Math.ceil(wait / 1000)} s.` };
    const token = await options.tokenStore.read();
    const policy = { port: options.port(), allowedOrigins: await options.allowedOrigins(), tokenMatches: (t: string) => tokensMatch(t, token) };
    const decision = checkUpgrade(req, policy);
    if (!decision.ok) limiter.recordFailure(key);
    return decision;
  }

  return (req: http.IncomingMessage, socket: Duplex, accept: () => void): void => {
    socket.on('error', (error) => logger.debug(`upgrade socket error: ${error.message}`));
    decide(req).then(
      (decision) => {
        if (decision.ok) return accept();
        logger.warn(`refused WebSocket from origin ${JSON.stringify(req.headers.origin ?? '')} host ${JSON.stringify(req.headers.host ?? '')}: ${decision.status} ${decision.reason}`);
        refuseUpgrade(socket, decision.status, decision.reason);
      },
      (error: unknown) => {
        logger.error(`upgrade failed: ${error instanceof Error ? error.message : String(error)}`);
        refuseUpgrade(socket, 500, 'The daemon could not check this connection; see its log.');
      },
    );
  };
}
