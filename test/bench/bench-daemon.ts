import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../daemon/clock';
import { createEngineInfo } from '../../daemon/engine-info';
import { createLiteEngine } from '../../daemon/lite-engine';
import type { LoadedLiteModels } from '../../daemon/lite-models/load-lite-models';
import { createLogger } from '../../daemon/logger';
import { createOriginStore, loadAllowedOrigins } from '../../daemon/origin-store';
import { createServer, type LoupeServer } from '../../daemon/server/create-server';
import { createTokenStore } from '../../daemon/token-store';
import { connectBenchClient, type BenchClient } from './bench-socket-client';

/** The real daemon server, in this process, on a free loopback port with a throwaway config dir. */
export interface BenchDaemon {
  readonly server: LoupeServer;
  connect(name: string): Promise<BenchClient>;
  stop(): Promise<void>;
}

export async function startBenchDaemon(lite: LoadedLiteModels): Promise<BenchDaemon> {
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-bench-'));
  const tokenStore = createTokenStore(configDir);
  const originStore = createOriginStore(configDir);
  const token = await tokenStore.read();
  const server = await createServer({
    settings: { host: '127.0.0.1', port: 0 },
    tokenStore,
    allowedOrigins: () => loadAllowedOrigins(originStore, []),
    ...createLiteEngine('daemon', lite),
    engineInfo: () => createEngineInfo({ device: 'auto' }, lite.info),
    logger: createLogger('quiet'),
    clock: systemClock,
  });
  return {
    server,
    connect: (name) => connectBenchClient(server.wsUrl, token, name),
    async stop() {
      await server.close();
      await rm(configDir, { recursive: true, force: true });
    },
  };
}
