import type WebSocket from 'ws';
import { createEngineInfo } from '../../../daemon/engine-info';
import { createTieredEngine, describeWithFullTier, startFullTier, type FullTier } from '../../../daemon/full-routing/full-routing';
import type { FullEngineOptions } from '../../../daemon/full/full-engine';
import { createTransformersRuntime, type TransformersRuntime } from '../../../daemon/full/transformers-runtime';
import { createLiteEngine } from '../../../daemon/lite-engine';
import { createMemoryLogger } from '../../../daemon/logger';
import type { CreateServerOptions } from '../../../daemon/server/create-server';
import { type messageLog, sendJson, startTestDaemon, type TestDaemon } from '../daemon/test-daemon';
import type { SyntheticModelCache } from './synthetic-model-cache';

export interface FullDaemon {
  daemon: TestDaemon;
  /** Chunks the summariser has been run on so far (it really runs; this only counts). */
  summarizedChunks(): number;
  full: FullTier;
  /** The full tier's log (device choice, model loads, fallbacks). */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * The real server with the full tier wired as `loupe serve` wires it (LOUPE_DEVICE=cpu), over
 * the synthetic model cache, on a random loopback port with a temporary config dir.
 */
export async function startFullDaemon(
  cache: SyntheticModelCache,
  { engine, server }: { engine?: Partial<FullEngineOptions>; server?: Partial<CreateServerOptions> } = {},
): Promise<FullDaemon> {
  const logger = createMemoryLogger();
  const counted = countingRuntime(createTransformersRuntime());
  const full = await startFullTier({
    settings: { device: 'cpu', cacheDir: cache.cacheDir, modelMirror: cache.hub.url },
    logger,
    store: cache.store,
    engine: { every: () => () => undefined, runtime: counted.runtime, ...engine },
  });
  const info = createEngineInfo({ device: 'cpu' });
  const daemon = await startTestDaemon({
    ...createTieredEngine({ lite: createLiteEngine('daemon'), full, logger }),
    engineInfo: () => describeWithFullTier(info, full),
    ...server,
  });
  return {
    daemon,
    full,
    logs: logger.lines,
    summarizedChunks: counted.chunks,
    async stop() {
      await daemon.stop();
      await full.close();
    },
  };
}

/** The real transformers.js runtime, counting the summariser's runs. */
function countingRuntime(real: TransformersRuntime): { runtime: TransformersRuntime; chunks: () => number } {
  let chunks = 0;
  const runtime: TransformersRuntime = {
    ...real,
    async loadSummarizer(dir, options) {
      const summarizer = await real.loadSummarizer(dir, options);
      return Object.assign(Object.create(summarizer) as typeof summarizer, {
        summarize: (text: string, opts: Parameters<typeof summarizer.summarize>[1]) => {
          chunks++;
          return summarizer.summarize(text, opts);
        },
      });
    },
  };
  return { runtime, chunks: () => chunks };
}

/** Sends one request and returns its final reply plus the progress events that came before it. */
export async function request(ws: WebSocket, log: ReturnType<typeof messageLog>, message: { id: string } & Record<string, unknown>) {
  sendJson(ws, { v: 1, ...message });
  const reply = await log.reply(message.id);
  const progress = log.messages.filter((m) => m.id === message.id && m.type === 'progress');
  return { reply, progress };
}
