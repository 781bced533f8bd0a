import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LOUPE_SUBPROTOCOL, SOCKET_PATH } from '../../shared/protocol/handshake';
import type { EngineInfo } from '../../shared/protocol/messages';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { DEFAULT_RATE_LIMIT, createRateLimiter, type RateLimiterOptions } from '../rate-limiter';
import { checkUpgrade, isLoopbackHost, type GateDecision } from '../security-gate';
import type { Settings } from '../settings';
import { tokensMatch } from '../token-store';
import { attachConnection } from './connection';
import { DEFAULT_FRAME_LIMITS, DEFAULT_SERVER_LIMITS, type FrameLimits, type ServerLimits } from './frame-limits';
import type { AnalyzeFn, DescribeImageFn, ReadImageTextFn } from './server-deps';

export interface CreateServerOptions {
  settings: Pick<Settings, 'host' | 'port'>;
  /** Read on every upgrade, so `loupe token --rotate` takes effect without a restart. */
  tokenStore: { read(): Promise<string> };
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
  rateLimit?: Partial<Omit<RateLimiterOptions, 'clock'>>;
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

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const text = reason + '\n';
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

/** Starts the daemon's HTTP + WebSocket server on loopback; port 0 picks a free port. */
export async function createServer(options: CreateServerOptions): Promise<LoupeServer> {
  const { logger, settings } = options;
  const frameLimits = { ...DEFAULT_FRAME_LIMITS, ...options.frameLimits };
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const limiter = createRateLimiter({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit, clock: options.clock });
  const deps = { ...options, limits, maxBinaryBytes: frameLimits.maxBinaryBytes };
  let port = settings.port;

  const httpServer = http.createServer((req, res) => {
    if (!isLoopbackHost(req.headers.host, port)) return sendJson(res, 403, { error: 'Host refused: use 127.0.0.1.' });
    if (req.method === 'GET' && req.url === '/') return sendJson(res, 200, options.engineInfo());
    sendJson(res, 404, { error: `Nothing at ${req.method} ${req.url}. GET / describes the daemon; the socket is at ${SOCKET_PATH}.` });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: frameLimits.maxPayload, handleProtocols: () => LOUPE_SUBPROTOCOL });
  const alive = new WeakMap<WebSocket, boolean>();

  async function decide(req: http.IncomingMessage): Promise<GateDecision> {
    // Keyed by Origin: a hostile web page that fails again and again blocks only its own
    // origin, never the extension's.
    const key = req.headers.origin ?? '(none)';
    const wait = limiter.blockedFor(key);
    if (wait > 0) return { ok: false, status: 429, reason: `Too many failed attempts; try again in ${Math.ceil(wait / 1000)} s.` };
    const token = await options.tokenStore.read();
    const decision = checkUpgrade(req, { port, allowedOrigins: await options.allowedOrigins(), tokenMatches: (t) => tokensMatch(t, token) });
    if (!decision.ok) limiter.recordFailure(key);
    return decision;
  }

  httpServer.on('upgrade', (req, socket, head) => {
    socket.on('error', (error) => logger.debug(`upgrade socket error: ${error.message}`));
    decide(req).then(
      (decision) => {
        if (!decision.ok) {
          logger.warn(`refused WebSocket from origin ${JSON.stringify(req.headers.origin ?? '')} host ${JSON.stringify(req.headers.host ?? '')}: ${decision.status} ${decision.reason}`);
          return refuseUpgrade(socket, decision.status, decision.reason);
        }
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      },
      (error: unknown) => {
        logger.error(`upgrade failed: ${error instanceof Error ? error.message : String(error)}`);
        refuseUpgrade(socket, 500, 'The daemon could not check this connection; see its log.');
      },
    );
  });

  wss.on('connection', (ws: WebSocket, req: http.IncomingMessage) => {
    logger.info(`connected: ${req.headers.origin}`);
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', (error) => logger.debug(`socket error: ${error.message}`));
    const connection = attachConnection(ws, deps, frameLimits);
    ws.on('close', (code) => {
      connection.abortAll();
      logger.debug(`disconnected (${code}): ${req.headers.origin}`);
    });
  });

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) ws.terminate();
      else {
        alive.set(ws, false);
        ws.ping();
      }
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(settings.port, settings.host, () => resolve());
  });
  const address = httpServer.address();
  port = typeof address === 'object' && address ? address.port : settings.port;

  return {
    url: `http://${settings.host}:${port}`,
    wsUrl: `ws://${settings.host}:${port}${SOCKET_PATH}`,
    port,
    async close() {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
