import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchFullEngine } from '../../../daemon/full/bench-full-engine';
import { createMemoryLogger } from '../../../daemon/logger';
import { createFullEngine, type FullEngine, type FullEngineOptions } from '../../../daemon/full/full-engine';
import { EntitiesSchema, SummarySchema } from '../../../shared/protocol/results';
import { BLUE_CAPTION, RED_CAPTION } from '../../fixtures/synthetic-models/build-captioner-model';
import { buildSyntheticModelsInTemp, SUMMARIZER_WITHOUT_PAST_ID } from '../../fixtures/synthetic-models/build-synthetic-models';

let built: { root: string; dirs: Record<string, string> };
const engines: FullEngine[] = [];

beforeAll(async () => {
  built = await buildSyntheticModelsInTemp();
});
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  await rm(built.root, { recursive: true, force: true });
});

function engine(overrides: Partial<FullEngineOptions> = {}) {
  const logger = createMemoryLogger();
  const created = createFullEngine({
    resolveModel: async (id) => {
      const dir = built.dirs[id];
      if (!dir) throw new Error(`no synthetic model ${id}`);
      return dir;
    },
    device: 'cpu',
    logger,
    every: () => () => undefined,
    ...overrides,
  });
  engines.push(created);
  return { engine: created, logger };
}

describe('full engine on the real transformers.js pipelines', () => {
  it('tags entities with offsets that slice the submitted text, across ## pieces, repeats and [UNK]', async () => {
    const text = 'Angela Merkel met Kofi Annan in Paris.\nShe flew to Zürich on Monday, and Merkel praised the United Nations in Paris.';
    const { items, provenance } = EntitiesSchema.parse(await engine().engine.tagEntities(text));
    for (const e of items) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(items.map((e) => [e.text, e.type])).toEqual([
      ['Angela Merkel', 'PER'],
      ['Kofi Annan', 'PER'],
      ['Paris', 'LOC'],
      ['Merkel', 'PER'],
      ['United Nations', 'ORG'],
      ['Paris', 'LOC'],
    ]);
    expect(items[2]?.start).toBe(text.indexOf('Paris'));
    expect(items[5]?.start).toBe(text.lastIndexOf('Paris'));
    expect(items.every((e) => e.source === 'model' && e.score > 0.9)).toBe(true);
    expect(provenance).toMatchObject({ tier: 'full', model: 'Xenova/bert-base-NER', backend: 'cpu' });
  });

  it('summarises through the decoder with past key values', async () => {
    const text = 'The harbor vote passed on Monday after a long night. The council said the plan was new.';
    const summary = SummarySchema.parse(await engine().engine.summarize(text));
    expect(summary.generated).toBe('The harbor vote passed on Monday after a long night.');
    expect(summary.provenance.model).toBe('Xenova/distilbart-cnn-6-6');
  });

  it('summarises a long text chunk by chunk, reports progress, then combines the summaries', async () => {
    const paragraphs = [
      'Alpha harbor news came first.',
      'Bravo council news came second.',
      'Charlie city news came third.',
      'Delta plan news came last.',
    ];
    const filler = ' The council said the vote was new.';
    const text = paragraphs.map((p) => p + filler.repeat(3)).join('\n');
    const progress: { completed: number; total: number }[] = [];
    const summary = await engine().engine.summarize(text, { onProgress: (p) => progress.push(p) });
    const total = progress[0]?.total ?? 0;
    expect(total).toBeGreaterThan(2);
    expect(progress.map((p) => p.completed)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    // Each chunk's summary is its first sentence; the summary of those is the first of them.
    expect(summary.generated).toBe('Alpha harbor news came first.');
  });

  it('refuses a summariser whose decoder has no past key values, naming the fix', async () => {
    const { engine: e } = engine({ models: { summary: SUMMARIZER_WITHOUT_PAST_ID } });
    await expect(e.summarize('The harbor vote passed. It was new.')).rejects.toMatchObject({
      code: 'model-corrupt',
      message: expect.stringContaining('loupe models pull'),
    });
  });

  it('captions a PNG through the ViT + GPT-2 decoder with past key values', async () => {
    const { engine: e } = engine();
    const png = async (background: { r: number; g: number; b: number }) =>
      new Uint8Array(
        await sharp({ create: { width: 48, height: 32, channels: 3, background } })
          .png()
          .toBuffer(),
      );
    expect((await e.caption(await png({ r: 230, g: 20, b: 20 }))).caption).toBe(RED_CAPTION);
    expect((await e.caption(await png({ r: 10, g: 40, b: 220 }))).caption).toBe(BLUE_CAPTION);
  });

  it('classifies a sentence against bias hypotheses (zero-shot NLI)', async () => {
    const { engine: e } = engine();
    const loaded = await e.classify('The radical scheme was disastrous.');
    expect(loaded.labels[0]).toBe('biased');
    const neutral = await e.classify('The mayor said the plan was announced on Monday.', ['loaded', 'neutral']);
    expect(neutral.labels[0]).toBe('neutral');
    expect(neutral.scores[0]).toBeGreaterThan(0.9);
    expect(neutral.scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('loads a model once for concurrent first calls and batches them', async () => {
    const { engine: e, logger } = engine();
    const texts = ['Angela Merkel met Kofi Annan.', 'Paris and Berlin.', 'The United Nations met.'];
    const results = await Promise.all(texts.map((t) => e.tagEntities(t)));
    expect(results.map((r) => r.items.map((i) => i.text))).toEqual([
      ['Angela Merkel', 'Kofi Annan'],
      ['Paris', 'Berlin'],
      ['United Nations'],
    ]);
    expect(logger.lines.filter((l) => /\] loaded Xenova\/bert-base-NER/.test(l))).toHaveLength(1);
    expect(e.loaded().map((m) => m.id)).toEqual(['Xenova/bert-base-NER']);
  });

  it('unloads a model idle past idleMs (fake clock) and reloads it on the next call', async () => {
    let now = 0;
    const { engine: e, logger } = engine({ idleMs: 1000, clock: { now: () => now } });
    await e.classify('The radical scheme was disastrous.');
    now = 999;
    expect(await e.evictIdle()).toEqual([]);
    now = 1000;
    expect(await e.evictIdle()).toEqual(['Xenova/nli-deberta-v3-xsmall']);
    expect(e.loaded()).toEqual([]);
    expect((await e.classify('The radical scheme was disastrous.')).labels[0]).toBe('biased');
    expect(logger.lines.filter((l) => /\] loaded Xenova\/nli-deberta-v3-xsmall/.test(l))).toHaveLength(2);
  });
});

describe('benchFullEngine', () => {
  it('times N in-process calls of one task after the loading call', async () => {
    const { engine: e } = engine();
    const result = await benchFullEngine(e, { task: 'entities', text: 'Angela Merkel met Kofi Annan in Paris.' }, 3);
    expect(result).toMatchObject({ task: 'entities', runs: 3 });
    expect(result.msPerOp).toBeGreaterThan(0);
    expect(result.minMs).toBeLessThanOrEqual(result.maxMs);
  });
});
