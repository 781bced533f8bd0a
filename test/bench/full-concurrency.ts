/**
 * Bench slot "full tier: batched vs one-at-a-time under 16 concurrent clients": 16 paired
 * WebSocket clients send full-tier entity requests (the only task the full engine micro-batches)
 * to the real daemon server, with maxBatch 8 and then 1, and the throughput is compared.
 * The models are the SYNTHETIC stand-ins (tiny ONNX graphs with the real models' inputs,
 * outputs and tokenizers): the figures measure pipeline, socket and scheduling overhead, not
 * the speed of bert-base-NER. Run alone: npx tsx test/bench/full-concurrency.ts
 */
import { fileURLToPath } from 'node:url';
import type WebSocket from 'ws';
import { createEngineInfo } from '../../daemon/engine-info';
import type { RequestedDevice } from '../../daemon/full/choose-device';
import { FULL_MODEL_IDS } from '../../daemon/full/full-engine';
import { createTransformersRuntime, type TransformersRuntime } from '../../daemon/full/transformers-runtime';
import { createTieredEngine, describeWithFullTier, startFullTier } from '../../daemon/full-routing/full-routing';
import { createLiteEngine } from '../../daemon/lite-engine';
import { createMemoryLogger } from '../../daemon/logger';
import { messageLog, openSocket, sendJson, startTestDaemon } from '../integration/daemon/test-daemon';
import { createSyntheticModelCache, type SyntheticModelCache } from '../integration/full-routing/synthetic-model-cache';

export interface FullConcurrencyRow {
  maxBatch: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Model runs the tagger made, and texts per run on average (how much batching happened). */
  modelRuns: number;
  meanBatch: number;
}

export interface FullConcurrencyResult {
  label: string;
  device: { backend: string; reason: string };
  clients: number;
  requestsPerClient: number;
  rows: FullConcurrencyRow[];
}

export interface FullConcurrencyOptions {
  clients?: number;
  requestsPerClient?: number;
  maxBatches?: number[];
  /** LOUPE_DEVICE for the full tier (default cpu; gpu-check passes auto). */
  device?: RequestedDevice;
}

const TEXT = 'Angela Merkel met Kofi Annan in Paris. She praised the United Nations in Berlin.';

function countingTagger(real: TransformersRuntime, counts: { runs: number; texts: number }): TransformersRuntime {
  return {
    ...real,
    async loadTokenClassifier(dir, options) {
      const tagger = await real.loadTokenClassifier(dir, options);
      return Object.assign(Object.create(tagger) as typeof tagger, {
        tag: (texts: string[]) => {
          counts.runs++;
          counts.texts += texts.length;
          return tagger.tag(texts);
        },
      });
    },
  };
}

/** One client: `count` entity requests, one after another, each awaited. */
async function clientLoop(ws: WebSocket, log: ReturnType<typeof messageLog>, name: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = `${name}-${i}`;
    sendJson(ws, { v: 1, id, type: 'analyze', params: { text: TEXT, tasks: ['entities'], tier: 'full' } });
    const reply = await log.reply(id);
    if (reply.type !== 'result' || reply.result.kind !== 'analysis' || reply.result.analysis.entities?.provenance.tier !== 'full') {
      throw new Error(`request ${id} was not served by the full tier: ${JSON.stringify(reply).slice(0, 300)}`);
    }
  }
}

async function measureOne(cache: SyntheticModelCache, maxBatch: number, options: Required<FullConcurrencyOptions>) {
  const counts = { runs: 0, texts: 0 };
  const logger = createMemoryLogger();
  const full = await startFullTier({
    settings: { device: options.device, cacheDir: cache.cacheDir, modelMirror: cache.hub.url },
    logger,
    store: cache.store,
    engine: { maxBatch, every: () => () => undefined, runtime: countingTagger(createTransformersRuntime(), counts) },
  });
  const info = createEngineInfo({ device: options.device });
  const daemon = await startTestDaemon({
    ...createTieredEngine({ lite: createLiteEngine('daemon'), full, logger }),
    engineInfo: () => describeWithFullTier(info, full),
  });
  try {
    const sockets = await Promise.all(Array.from({ length: options.clients }, () => openSocket(daemon)));
    const logs = sockets.map((ws) => messageLog(ws));
    // Warm-up: loads the model and the lite pipelines once, outside the timed part.
    await Promise.all(sockets.map((ws, c) => clientLoop(ws, logs[c]!, `warm${c}`, 1)));
    Object.assign(counts, { runs: 0, texts: 0 });
    const began = performance.now();
    await Promise.all(sockets.map((ws, c) => clientLoop(ws, logs[c]!, `c${c}`, options.requestsPerClient)));
    const seconds = (performance.now() - began) / 1000;
    for (const ws of sockets) ws.close();
    const requests = options.clients * options.requestsPerClient;
    const row: FullConcurrencyRow = {
      maxBatch,
      requests,
      seconds,
      requestsPerSecond: requests / seconds,
      modelRuns: counts.runs,
      meanBatch: counts.runs ? counts.texts / counts.runs : 0,
    };
    return { row, device: full.device };
  } finally {
    await daemon.stop();
    await full.close();
  }
}

/** Runs the slot; returns the figures (the harness prints them). */
export async function benchFullConcurrency(options: FullConcurrencyOptions = {}): Promise<FullConcurrencyResult> {
  const settings: Required<FullConcurrencyOptions> = { clients: 16, requestsPerClient: 20, maxBatches: [8, 1], device: 'cpu', ...options };
  const cache = await createSyntheticModelCache([FULL_MODEL_IDS.entities]);
  try {
    const rows: FullConcurrencyRow[] = [];
    let device: FullConcurrencyResult['device'] = { backend: settings.device, reason: '' };
    for (const maxBatch of settings.maxBatches) {
      const measured = await measureOne(cache, maxBatch, settings);
      rows.push(measured.row);
      device = measured.device;
    }
    return {
      label: `full tier, SYNTHETIC models (pipeline + socket + scheduling overhead, not model speed): ${settings.clients} concurrent ws clients, full-tier entity requests, maxBatch ${settings.maxBatches.join(' vs ')}`,
      device,
      clients: settings.clients,
      requestsPerClient: settings.requestsPerClient,
      rows,
    };
  } finally {
    await cache.close();
  }
}

/** Plain-text report of a result. */
export function formatFullConcurrency(result: FullConcurrencyResult): string {
  const lines = [`${result.label}`, `device: ${result.device.backend} (${result.device.reason})`];
  for (const r of result.rows) {
    lines.push(
      `  maxBatch ${String(r.maxBatch).padStart(2)}: ${r.requestsPerSecond.toFixed(1).padStart(7)} req/s  (${r.requests} requests in ${r.seconds.toFixed(2)} s; ${r.modelRuns} model runs, ${r.meanBatch.toFixed(2)} texts per run)`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatFullConcurrency(await benchFullConcurrency()));
}
