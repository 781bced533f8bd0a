/**
 * The full tier's real compute: the four catalogue models built at their real sizes (random
 * weights, see build-real-size-models.ts) and run through Loupe's full engine and
 * transformers.js as a user's pulled models would be: latency per article, tokens/s, memory,
 * and batched vs one at a time under 16 and 64 concurrent clients.
 */
import sharp from 'sharp';
import type { FullDevice } from '../../../daemon/full/full-types';
import { createFullEngine, type FullEngine } from '../../../daemon/full/full-engine';
import { createTransformersRuntime } from '../../../daemon/full/transformers-runtime';
import { createMemoryLogger } from '../../../daemon/logger';
import { NLI_BIAS_HYPOTHESIS, NLI_BIAS_LABELS } from '../../../shared/lite/nli-bias-flags';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { benchText, newsArticleText } from '../bench-corpus';
import { realSizeModels, type BenchDtype } from './build-real-size-models';

export interface RealSizeRow {
  what: string;
  value: number;
  unit: string;
  note?: string;
}
export interface RealSizeResult {
  device: FullDevice;
  dtype: BenchDtype;
  rows: RealSizeRow[];
}

const seconds = (ms: number) => ms / 1000;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const began = performance.now();
  const value = await fn();
  return [value, performance.now() - began];
}

function engineFor(dirs: Record<string, string>, device: FullDevice, dtype: BenchDtype, maxBatch = 8): FullEngine {
  return createFullEngine({
    resolveModel: async (id) => dirs[id]!,
    device,
    dtype,
    logger: createMemoryLogger(),
    every: () => () => undefined,
    maxBatch,
  });
}

/** `clients` concurrent loops, each tagging `perClient` paragraphs one after another: requests per second. */
async function nerThroughput(engine: FullEngine, clients: number, perClient: number): Promise<number> {
  const paragraph = benchText(1);
  const [, ms] = await timed(() =>
    Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = 0; i < perClient; i++) await engine.tagEntities(paragraph);
      }),
    ),
  );
  return (clients * perClient) / seconds(ms);
}

export async function benchRealSize(device: FullDevice, dtype: BenchDtype, log: (line: string) => void): Promise<RealSizeResult> {
  const dirs = await realSizeModels(dtype, log);
  const article = newsArticleText();
  const rows: RealSizeRow[] = [];
  const engine = engineFor(dirs, device, dtype);
  const runtime = createTransformersRuntime();
  try {
    const tagger = await runtime.loadTokenClassifier(dirs['Xenova/bert-base-NER']!, { device, dtype });
    const tokens = tagger.countTokens(article);
    await tagger.dispose();
    const [, nerFirst] = await timed(() => engine.tagEntities(article));
    const [, ner] = await timed(() => engine.tagEntities(article));
    rows.push({
      what: 'entities (bert-base-NER), news article',
      value: ner,
      unit: 'ms',
      note: `${tokens} tokens: ${Math.round(tokens / seconds(ner))} tokens/s; first call with load ${Math.round(nerFirst)} ms`,
    });

    const sentences = segmentSentences(article).map((s) => s.text);
    await engine.classify(sentences[0]!);
    const [, nli] = await timed(async () => {
      for (const s of sentences) await engine.classify(s);
    });
    rows.push({
      what: 'bias (nli-deberta-v3-xsmall), every sentence of the article',
      value: nli,
      unit: 'ms',
      note: `${sentences.length} sentences × 2 hypotheses, one call each: ${(sentences.length / seconds(nli)).toFixed(1)} sentences/s`,
    });

    const png = new Uint8Array(
      await sharp({ create: { width: 640, height: 480, channels: 3, background: '#4a7bb7' } })
        .png()
        .toBuffer(),
    );
    await engine.caption(png);
    const [, caption] = await timed(() => engine.caption(png));
    rows.push({
      what: 'caption (distilvit), a 640×480 image',
      value: caption,
      unit: 'ms',
      note: 'random weights never write end-of-text: the decoder runs to its 30-token limit',
    });

    const [summary, summaryMs] = await timed(() => engine.summarize(article));
    rows.push({
      what: 'summary (distilbart-cnn-6-6), news article',
      value: summaryMs,
      unit: 'ms',
      note: `first call, load included; random weights never write end-of-text: 142 tokens generated (${(142 / seconds(summaryMs)).toFixed(1)} tokens/s), the real model's longest summary; ${summary.generated ? 'text generated' : 'NO TEXT'}`,
    });

    rows.push({ what: 'daemon-like process RSS with all four loaded', value: process.memoryUsage().rss / 1024 ** 2, unit: 'MiB' });
  } finally {
    await engine.close();
  }
  for (const clients of [16, 64]) {
    const rates: number[] = [];
    for (const maxBatch of [8, 1]) {
      const concurrent = engineFor(dirs, device, dtype, maxBatch);
      try {
        await concurrent.tagEntities('Warm up the tagger in Oslo.');
        rates.push(await nerThroughput(concurrent, clients, clients === 16 ? 3 : 1));
      } finally {
        await concurrent.close();
      }
    }
    const [batched, single] = rates as [number, number];
    rows.push({
      what: `entities, ${clients} concurrent clients, batched (8 per run)`,
      value: batched,
      unit: 'req/s',
      note: `one at a time: ${single.toFixed(2)} req/s; batched / one at a time ${(batched / single).toFixed(2)}×`,
    });
  }
  rows.push(await nliBatches(dirs, device, dtype));
  return { device, dtype, rows };
}

/** NLI over a page's sentences: one sentence per run vs eight per run. */
async function nliBatches(dirs: Record<string, string>, device: FullDevice, dtype: BenchDtype): Promise<RealSizeRow> {
  const runtime = createTransformersRuntime();
  const nli = await runtime.loadZeroShotClassifier(dirs['Xenova/nli-deberta-v3-xsmall']!, { device, dtype });
  try {
    const sentences = segmentSentences(benchText(6))
      .map((s) => s.text)
      .slice(0, 16);
    const classify = (texts: string[]) => nli.classify(texts, [...NLI_BIAS_LABELS], NLI_BIAS_HYPOTHESIS);
    await classify(sentences.slice(0, 1));
    const [, single] = await timed(async () => {
      for (const s of sentences) await classify([s]);
    });
    const [, batched] = await timed(async () => {
      for (let i = 0; i < sentences.length; i += 8) await classify(sentences.slice(i, i + 8));
    });
    return {
      what: `bias, ${sentences.length} sentences of a page, batched (8 per run)`,
      value: sentences.length / seconds(batched),
      unit: 'sentences/s',
      note: `one at a time: ${(sentences.length / seconds(single)).toFixed(1)} sentences/s; batched / one at a time ${(single / batched).toFixed(2)}×`,
    };
  } finally {
    await nli.dispose();
  }
}

export function formatRealSize(result: RealSizeResult): string[] {
  return result.rows.map(
    (r) =>
      `${r.what}: ${r.unit === 'ms' ? Math.round(r.value).toLocaleString('en') : r.value.toFixed(r.value < 10 ? 2 : 1)} ${r.unit}${r.note ? ` (${r.note})` : ''}`,
  );
}
