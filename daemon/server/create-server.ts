import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { BINARY_FRAME_HEADER_BYTES } from '../../shared/limits';
import { LOUPE_SUBPROTOCOL, SOCKET_PATH } from '../../shared/protocol/handshake';
import type { EngineInfo } from '../../shared/protocol/messages';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { DEFAULT_GLOBAL_RATE_LIMIT, DEFAULT_RATE_LIMIT, createRateLimiter, type RateLimiterOptions } from '../rate-limiter';
import { isLoopbackHost } from '../security-gate';
import type { Settings } from '../settings';
import { createAdmission } from './admission';
import { attachConnection } from './connection';
import { DEFAULT_FRAME_LIMITS, DEFAULT_SERVER_LIMITS, type FrameLimits, type ServerLimits } from './frame-limits';
import { startHeartbeat } from './heartbeat';
import type { AnalyzeFn, DescribeImageFn, ReadImageTextFn } from './server-deps';
import { trackPendingConnections } from './pending-connections';
import { clipForLog, createRefusalLog } from './refusal-log';
import { createSessionTokens } from './session-tokens';
import { createUpgradeGate } from './upgrade-gate';

export interface CreateServerOptions {
  settings: Pick<Settings, 'host' | 'port'>;
  /**
   * Read on every upgrade, so `loupe token --rotate` takes effect without a restart; `watch`
   * reports a change at once, and sessions opened with the old token are closed.
   */
  tokenStore: { read(): Promise<string>; watch?(onChange: () => void): () => void };
  /** Read on every upgrade, so `loupe pair` takes effect without a restart. */
  allowedOrigins: () => Promise<ReadonlySet<string>>;
  analyze: AnalyzeFn;
  describeImage: DescribeImageFn;
  readImageText?: ReadImageTextFn;
  engineInfo: () => EngineInfo;
  logger: Logger;
  clock: Clock;
  frameLimits?: Partial<FrameLimits>;
  limits?: Partial<ServerLimits>;
  /** Failed attempts without the token, per connection attempt. */
  rateLimit?: Partial<Omit<RateLimiterOptions, 'clock'>>;
  /** Failed attempts without the token, all together. */
  globalRateLimit?: Partial<Omit<RateLimiterOptions, 'clock'>>;
}

export interface LoupeServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/ws` */
  readonly wsUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Starts the daemon's HTTP + WebSocket server on loopback; port 0 picks a free port. */
export async function createServer(options: CreateServerOptions): Promise<LoupeServer> {
  const { logger, settings } = options;
  const frameLimits = { ...DEFAULT_FRAME_LIMITS, ...options.frameLimits };
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const limiter = createRateLimiter({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit, clock: options.clock });
  const globalLimiter = createRateLimiter({ ...DEFAULT_GLOBAL_RATE_LIMIT, ...options.globalRateLimit, clock: options.clock });
  const admission = createAdmission({ max: limits.maxGlobalInFlight, clock: options.clock });
  const deps = { ...options, limits, admission, maxImageBytes: frameLimits.maxBinaryBytes - BINARY_FRAME_HEADER_BYTES };
  const sessions = createSessionTokens(logger);
  let port = settings.port;

  const httpServer = http.createServer(
    // A connection that has not sent its whole request after `headersTimeoutMs` is dropped.
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: 2 * limits.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => {
      if (!isLoopbackHost(req.headers.host, port)) return sendJson(res, 403, { error: 'Host refused: use 127.0.0.1.' });
      if (req.method === 'GET' && req.url === '/') return sendJson(res, 200, options.engineInfo());
      sendJson(res, 404, { error: `Nothing here. GET / describes the daemon; the socket is at ${SOCKET_PATH}.` });
    },
  );
  const pending = trackPendingConnections(httpServer, { max: limits.maxPendingConnections, idleMs: limits.headersTimeoutMs });
  const wss = new WebSocketServer({ noServer: true, maxPayload: frameLimits.maxPayload, handleProtocols: () => LOUPE_SUBPROTOCOL });
  // Every read of the token (each upgrade, each change reported by `watch`) closes the
  // sessions of a token that was replaced.
  const tokenStore = {
    async read() {
      const token = await options.tokenStore.read();
      sessions.observe(token);
      return token;
    },
  };
  const refusals = createRefusalLog(logger, options.clock);
  const gate = createUpgradeGate({ ...options, tokenStore, limiter, globalLimiter, refusals, port: () => port });
  httpServer.on('upgrade', (req, socket, head) =>
    gate(req, socket, (token) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        pending.settle(req.socket);
        sessions.add(ws, token);
        wss.emit('connection', ws, req);
      }),
    ),
  );
  const stopHeartbeat = startHeartbeat(wss, limits.heartbeatMs);
  const stopWatching = options.tokenStore.watch?.(
    () => void tokenStore.read().catch((error: Error) => logger.warn(`could not re-read the pairing token: ${error.message}`)),
  );

  wss.on('connection', (ws: WebSocket, req: http.IncomingMessage) => {
    logger.info(`connected: ${clipForLog(req.headers.origin)}`);
    ws.on('error', (error) => logger.debug(`socket error: ${error.message}`));
    const connection = attachConnection(ws, deps, frameLimits);
    ws.on('close', (code) => {
      connection.abortAll();
      logger.debug(`disconnected (${code}): ${clipForLog(req.headers.origin)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${settings.port} on ${settings.host} is in use: another Loupe daemon may be running. Stop it, or pick another port with LOUPE_PORT.`,
            )
          : error,
      ),
    );
    httpServer.listen(settings.port, settings.host, () => resolve());
  });
  const address = httpServer.address();
  port = typeof address === 'object' && address ? address.port : settings.port;

  return {
    url: `http://${settings.host}:${port}`,
    wsUrl: `ws://${settings.host}:${port}${SOCKET_PATH}`,
    port,
    async close() {
      stopHeartbeat();
      stopWatching?.();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
