import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { CHROME_EXTENSION_ORIGIN } from '../../../shared/extension-identity';
import { LOUPE_SUBPROTOCOL, tokenSubprotocol } from '../../../shared/protocol/handshake';
import { ServerMessageSchema, type ServerMessage } from '../../../shared/protocol/messages';
import { createMemoryLogger } from '../../../daemon/logger';
import { createEngineInfo } from '../../../daemon/engine-info';
import { createLiteEngine } from '../../../daemon/lite-engine';
import { createOriginStore, loadAllowedOrigins } from '../../../daemon/origin-store';
import { createServer, type CreateServerOptions, type LoupeServer } from '../../../daemon/server/create-server';
import { createTokenStore } from '../../../daemon/token-store';

export interface TestDaemon {
  server: LoupeServer;
  token: string;
  configDir: string;
  logs: string[];
  stop(): Promise<void>;
}

/** The real server on a random loopback port with a temporary config dir; deps overridable. */
export async function startTestDaemon(overrides: Partial<CreateServerOptions> = {}): Promise<TestDaemon> {
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-daemon-'));
  const tokenStore = createTokenStore(configDir);
  const originStore = createOriginStore(configDir);
  const token = await tokenStore.read();
  const logger = createMemoryLogger();
  const server = await createServer({
    settings: { host: '127.0.0.1', port: 0 },
    tokenStore,
    allowedOrigins: () => loadAllowedOrigins(originStore, []),
    ...createLiteEngine('daemon'),
    engineInfo: () => createEngineInfo({ device: 'auto' }),
    logger,
    clock: { now: () => Date.now() },
    ...overrides,
  }).catch(async (error: unknown) => {
    await rm(configDir, { recursive: true, force: true });
    throw error;
  });
  return {
    server,
    token,
    configDir,
    logs: logger.lines,
    async stop() {
      await server.close();
      await rm(configDir, { recursive: true, force: true });
    },
  };
}

export interface ConnectOptions {
  origin?: string | null;
  token?: string | null;
  host?: string;
  /** Another path than the daemon's socket path. */
  path?: string;
}

/** Opens a socket the way the extension does; rejects with the HTTP status when refused. */
export function openSocket(daemon: TestDaemon, options: ConnectOptions = {}): Promise<WebSocket> {
  const protocols = [LOUPE_SUBPROTOCOL, ...(options.token === null ? [] : [tokenSubprotocol(options.token ?? daemon.token)])];
  const headers: Record<string, string> = options.host ? { host: options.host } : {};
  const origin = options.origin === null ? undefined : (options.origin ?? CHROME_EXTENSION_ORIGIN);
  const url = options.path ? new URL(options.path, daemon.server.wsUrl).href : daemon.server.wsUrl;
  const ws = new WebSocket(url, protocols, { headers, ...(origin !== undefined ? { origin } : {}) });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => reject(Object.assign(new Error(`refused ${res.statusCode}: ${body.trim()}`), { status: res.statusCode, body })));
    });
    ws.once('error', reject);
  });
}

/** Collects server messages and waits for the ones a test expects. */
export function messageLog(ws: WebSocket) {
  const messages: ServerMessage[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data, isBinary) => {
    if (isBinary) throw new Error('the daemon never sends binary frames');
    messages.push(ServerMessageSchema.parse(JSON.parse(data.toString())));
    for (const wake of waiters.splice(0)) wake();
  });
  async function waitFor(predicate: (m: ServerMessage) => boolean): Promise<ServerMessage> {
    for (;;) {
      const found = messages.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }
  return {
    messages,
    /** The final reply (result or error) to request `id`. */
    reply: (id: string | null) => waitFor((m) => m.id === id && m.type !== 'progress'),
    waitFor,
  };
}

export function sendJson(ws: WebSocket, message: unknown): void {
  ws.send(JSON.stringify(message));
}
