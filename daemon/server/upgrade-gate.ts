import http from 'node:http';
import type { Duplex } from 'node:stream';
import { parseSubprotocols } from '../../shared/protocol/handshake';
import type { Logger } from '../logger';
import type { RateLimiter } from '../rate-limiter';
import { checkUpgrade, type GateDecision } from '../security-gate';
import { tokensMatch } from '../token-store';
import { clipForLog, type RefusalLog } from './refusal-log';

export interface UpgradeGateOptions {
  tokenStore: { read(): Promise<string> };
  allowedOrigins: () => Promise<ReadonlySet<string>>;
  /** Failed attempts without the right token, per connection attempt (remote port). */
  limiter: RateLimiter;
  /** The same failures, all attempts together. */
  globalLimiter: RateLimiter;
  /** The bound port (known only after listen when the setting is 0). */
  port: () => number;
  logger: Logger;
  refusals: RefusalLog;
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const text = reason + '\n';
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

const GLOBAL = 'all attempts';

/**
 * Runs the security gate on every upgrade request and answers refusals over plain HTTP, so no
 * WebSocket ever exists for a request that failed it. `accept` is called for the others with the
 * token they presented.
 *
 * The token is checked first. Only attempts without the right token are rate-limited, and by
 * what their sender cannot choose (the connection's remote port, and all attempts together),
 * never by the Origin header a local process can forge: no amount of failures can keep out a
 * client that presents the right token.
 */
export function createUpgradeGate(options: UpgradeGateOptions) {
  const { limiter, globalLimiter, logger } = options;

  async function decide(req: http.IncomingMessage): Promise<{ decision: GateDecision; token: string }> {
    const token = await options.tokenStore.read();
    const presented = parseSubprotocols(req.headers['sec-websocket-protocol']).token;
    const hasToken = presented !== undefined && tokensMatch(presented, token);
    const attempt = `port ${req.socket.remotePort ?? 0}`;
    const wait = hasToken ? 0 : Math.max(limiter.blockedFor(attempt), globalLimiter.blockedFor(GLOBAL));
    if (wait > 0)
      return {
        token,
        decision: {
          ok: false,
          status: 429,
          reason: `Too many failed attempts without the pairing token; try again in ${Math.ceil(wait / 1000)} s.`,
        },
      };
    const policy = {
      port: options.port(),
      allowedOrigins: await options.allowedOrigins(),
      tokenMatches: (t: string) => tokensMatch(t, token),
    };
    const decision = checkUpgrade(req, policy);
    if (!decision.ok && !hasToken) {
      limiter.recordFailure(attempt);
      globalLimiter.recordFailure(GLOBAL);
    }
    return { decision, token };
  }

  return (req: http.IncomingMessage, socket: Duplex, accept: (token: string) => void): void => {
    socket.on('error', (error) => logger.debug(`upgrade socket error: ${error.message}`));
    decide(req).then(
      ({ decision, token }) => {
        if (decision.ok) return accept(token);
        options.refusals.refused(
          `refused WebSocket from origin ${clipForLog(req.headers.origin)} host ${clipForLog(req.headers.host)}: ${decision.status} ${decision.reason.slice(0, 200)}`,
        );
        refuseUpgrade(socket, decision.status, decision.reason);
      },
      (error: unknown) => {
        logger.error(`upgrade failed: ${error instanceof Error ? error.message : String(error)}`);
        refuseUpgrade(socket, 500, 'The daemon could not check this connection; see its log.');
      },
    );
  };
}
