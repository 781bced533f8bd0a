import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../clock';
import { createEngineInfo } from '../engine-info';
import { createLiteEngine } from '../lite-engine';
import { createLiteWorkerPool, defaultLiteWorkers } from '../lite-pool/lite-worker-pool';
import { createOriginStore, loadAllowedOrigins } from '../origin-store';
import { createServer } from '../server/create-server';
import { createTokenStore } from '../token-store';
import { parseCommandArgs, type Command, type CommandContext } from './command';

/** The unpacked Chrome build that `loupe start` builds and users load in chrome://extensions. */
export const CHROME_BUILD_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

// Enough for the lite pipelines on a two-million-character page; a request that needs more is
// refused on its own instead of growing the daemon without bound.
const LITE_WORKER_HEAP_MB = 1536;

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs the daemon until SIGINT/SIGTERM, printing where it listens and how to pair. */
export async function serveUntilStopped({ io, settings, logger }: CommandContext): Promise<number> {
  const config = settings();
  const tokenStore = createTokenStore(config.configDir);
  const originStore = createOriginStore(config.configDir);
  // Fail now, with the file named, rather than on the first connection.
  const token = await tokenStore.read();
  await originStore.listPaired();
  // Loaded here, not at CLI start, so `loupe token` does not pay for onnxruntime.
  const [{ createOcrEngine }, { loadLiteModels }] = await Promise.all([
    import('../ocr/create-ocr-engine'),
    import('../lite-models/load-lite-models'),
  ]);
  const lite = await loadLiteModels({ logger: logger() });
  // The full tier: device chosen (and logged) now, transformers.js models loaded on first use.
  const { startFullTier, describeWithFullTier, createTieredEngine } = await import('../full-routing/full-routing');
  const full = await startFullTier({ settings: config, logger: logger() });
  const engineInfo = createEngineInfo(config, lite.info, Object.values(lite.unavailable));
  const ocr = createOcrEngine();
  // Lite analyses run on worker threads: the event loop stays free to answer every client.
  const pool = createLiteWorkerPool({
    size: defaultLiteWorkers(),
    workerData: { engine: 'daemon', models: 'bundled' },
    maxHeapMb: LITE_WORKER_HEAP_MB,
    logger: logger(),
  });
  pool.warm();
  const liteEngine = { ...createLiteEngine('daemon', lite), analyze: pool.analyze };
  const server = await createServer({
    settings: config,
    tokenStore,
    allowedOrigins: () => loadAllowedOrigins(originStore, config.allowedOrigins),
    ...createTieredEngine({ lite: liteEngine, full, logger: logger() }),
    readImageText: async (png) => (await ocr.readText(png)).text,
    engineInfo: () => describeWithFullTier(engineInfo, full),
    logger: logger(),
    clock: systemClock,
  });
  const built = existsSync(CHROME_BUILD_DIR);
  io.stdout(
    [
      `Loupe daemon ${engineInfo.version} listening on ${server.url}`,
      `WebSocket: ${server.wsUrl}`,
      `Token: ${token}`,
      `Lite models: ${lite.info.map((m) => m.id).join(', ') || 'none (rules only)'}${Object.values(lite.unavailable)
        .map((why) => `\n  ${why}`)
        .join('')}`,
      `Extension: ${CHROME_BUILD_DIR}${built ? '' : ' (not built yet: run `npm start` or `npx wxt build`)'}`,
      '  Chrome: open chrome://extensions, turn on Developer mode, "Load unpacked" that folder.',
      '  Loupe pairs itself when `npm start` (or `npx loupe pair --install`) registered one-step',
      '  pairing; otherwise paste the token into Loupe Options. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const signal = await waitForStopSignal();
  logger().info(`${signal}: stopping`);
  await server.close();
  await pool.close();
  await ocr.close();
  await full.close();
  await lite.release();
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the daemon on 127.0.0.1 (the default command)',
  help: `Usage: loupe serve

Runs the daemon on 127.0.0.1:$LOUPE_PORT (default 7341) until Ctrl+C, and prints the address,
the pairing token and the folder of the built Chrome extension.

Environment: LOUPE_PORT, LOUPE_CONFIG_DIR, LOUPE_CACHE_DIR, LOUPE_DEVICE (auto|cpu|cuda|webgpu),
LOUPE_MODEL_MIRROR, LOUPE_ALLOWED_ORIGINS (comma-separated extension origins),
LOUPE_LOG (info|debug|quiet).`,
  async run(args, context) {
    parseCommandArgs('serve', args, {}, 0);
    return serveUntilStopped(context);
  },
};
