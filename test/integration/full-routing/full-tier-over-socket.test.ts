import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { FULL_MODEL_IDS } from '../../../daemon/full/full-engine';
import { encodeBinaryFrame } from '../../../shared/protocol/binary-frame';
import { EngineInfoSchema, type ServerMessage } from '../../../shared/protocol/messages';
import { AnalysisSchema, type Analysis, type ImageDescription } from '../../../shared/protocol/results';
import { RED_CAPTION } from '../../fixtures/synthetic-models/build-captioner-model';
import { messageLog, openSocket } from '../daemon/test-daemon';
import { request, startFullDaemon, type FullDaemon } from './full-daemon';
import { createSyntheticModelCache, type SyntheticModelCache } from './synthetic-model-cache';

// Everything but the bias model is pulled: bias shows the "not installed" path, then gets pulled.
const PULLED = [FULL_MODEL_IDS.summary, FULL_MODEL_IDS.entities, FULL_MODEL_IDS.caption];

let cache: SyntheticModelCache;
let full: FullDaemon;
let ws: WebSocket;
let log: ReturnType<typeof messageLog>;
let next = 0;

beforeAll(async () => {
  cache = await createSyntheticModelCache(PULLED);
  full = await startFullDaemon(cache, { server: { readImageText: async () => 'SALE 50%' } });
  ws = await openSocket(full.daemon);
  log = messageLog(ws);
}, 60_000);
afterAll(async () => {
  ws?.close();
  await full?.stop();
  await cache?.close();
});

function analysisOf(reply: ServerMessage): Analysis {
  if (reply.type !== 'result' || reply.result.kind !== 'analysis') throw new Error(`expected an analysis, got ${JSON.stringify(reply)}`);
  return AnalysisSchema.parse(reply.result.analysis);
}

function analyze(text: string, tasks: string[], tier = 'full') {
  return request(ws, log, { id: `a${next++}`, type: 'analyze', params: { text, tasks, tier } });
}

/** Every span quotes `text` (the one sent: the daemon does not send it back). */
const spansSlice = (text: string, spans: { start: number; end: number; text: string }[]) =>
  spans.every((s) => text.slice(s.start, s.end) === s.text);

describe('full tier over the socket, on synthetic models pulled through the real store', () => {
  it('GET / and hello report the CPU execution provider with its reason, and the installed full models', async () => {
    const info = EngineInfoSchema.parse(await (await fetch(`${full.daemon.server.url}/`)).json());
    expect(info.device.backend).toBe('cpu');
    expect(info.device.reason).toContain('LOUPE_DEVICE=cpu');
    expect(info.models.filter((m) => m.tier === 'full')).toEqual([
      { id: FULL_MODEL_IDS.summary, task: 'summary', tier: 'full' },
      { id: FULL_MODEL_IDS.entities, task: 'entities', tier: 'full' },
      { id: FULL_MODEL_IDS.caption, task: 'caption', tier: 'full' },
    ]);
    const { reply } = await request(ws, log, { id: 'hello', type: 'hello', client: 'test' });
    expect(reply).toMatchObject({ ok: true, result: { kind: 'hello', engine: { device: info.device } } });
    expect(full.logs).toContain('[loupe] execution provider: cpu (LOUPE_DEVICE=cpu)');
  });

  it('summary: the generated text of the full model, with the lite key sentences kept for highlights', async () => {
    const text = 'The harbor vote passed on Monday after a long night. The council said the plan was new.';
    const analysis = analysisOf((await analyze(text, ['summary'])).reply);
    expect(analysis.summary?.generated).toBe('The harbor vote passed on Monday after a long night.');
    expect(analysis.summary?.provenance).toMatchObject({ engine: 'daemon', tier: 'full', model: FULL_MODEL_IDS.summary, backend: 'cpu' });
    expect(analysis.summary?.sentences.length).toBeGreaterThan(0);
    expect(spansSlice(text, analysis.summary?.sentences ?? [])).toBe(true);
    expect(analysis.summary?.provenance.note).toMatch(/key sentences are extractive/);
  });

  it('a long page streams summary progress chunk by chunk before the result', async () => {
    const paragraphs = [
      'Alpha harbor news came first.',
      'Bravo council news came second.',
      'Charlie city news came third.',
      'Delta plan news came last.',
    ];
    const text = paragraphs.map((p) => p + ' The council said the vote was new.'.repeat(3)).join('\n');
    const { reply, progress } = await analyze(text, ['summary']);
    expect(analysisOf(reply).summary?.generated).toBe('Alpha harbor news came first.');
    const steps = progress.flatMap((p) => (p.type === 'progress' ? [p] : []));
    const total = steps[0]?.total ?? 0;
    expect(total).toBeGreaterThan(2);
    expect(steps.every((p) => p.stage === 'summary' && p.total === total)).toBe(true);
    expect(steps.map((p) => p.completed)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
  });

  it('entities: the full tagger with offsets that slice the text, plus lite pattern entities (dates)', async () => {
    const text = 'Angela Merkel met Kofi Annan in Paris on 3 March 2024. Merkel praised the United Nations.';
    const analysis = analysisOf((await analyze(text, ['entities'])).reply);
    const items = analysis.entities?.items ?? [];
    expect(spansSlice(text, items)).toBe(true);
    expect(items.filter((e) => e.source === 'model').map((e) => [e.text, e.type])).toEqual([
      ['Angela Merkel', 'PER'],
      ['Kofi Annan', 'PER'],
      ['Paris', 'LOC'],
      ['Merkel', 'PER'],
      ['United Nations', 'ORG'],
    ]);
    expect(items.some((e) => e.source === 'pattern' && e.type === 'DATE' && e.text.includes('March 2024'))).toBe(true);
    expect(analysis.entities?.provenance).toMatchObject({ tier: 'full', model: FULL_MODEL_IDS.entities, backend: 'cpu' });
  });

  it("describe-image tier full: the synthetic captioner's caption, with the page context and OCR text", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 230, g: 20, b: 20 } } })
        .png()
        .toBuffer(),
    );
    const id = 'img-full';
    const context = [{ source: 'alt', text: 'Council members at the vote' }];
    ws.send(
      JSON.stringify({
        v: 1,
        id,
        type: 'describe-image',
        params: { context, tier: 'full', byteLength: png.length, mimeType: 'image/png' },
      }),
    );
    ws.send(encodeBinaryFrame(id, png));
    const reply = await log.reply(id);
    if (reply.type !== 'result' || reply.result.kind !== 'image') throw new Error(JSON.stringify(reply));
    const description: ImageDescription = reply.result.description;
    expect(description.caption).toBe(RED_CAPTION);
    expect(description.context).toEqual(context);
    expect(description.ocrText).toBe('SALE 50%');
    expect(description.provenance).toMatchObject({ engine: 'daemon', tier: 'full', model: FULL_MODEL_IDS.caption, backend: 'cpu' });
  });

  it('a lite request stays lite, with no full model involved', async () => {
    const analysis = analysisOf((await analyze('Angela Merkel met Kofi Annan in Paris.', ['summary', 'entities'], 'lite')).reply);
    expect(analysis.summary?.provenance.tier).toBe('lite');
    expect(analysis.summary?.generated).toBeUndefined();
    expect(analysis.entities?.provenance.tier).toBe('lite');
  });
});

describe('bias through the zero-shot NLI model', () => {
  const text = 'The mayor said the plan was announced on Monday. Critics slammed the radical scheme as disastrous.';
  const pullCommand = `loupe models pull ${FULL_MODEL_IDS.bias}`;

  it('not installed: the lite flags, with a note naming `loupe models pull`', async () => {
    const bias = analysisOf((await analyze(text, ['bias'])).reply).bias;
    expect(bias?.provenance.tier).toBe('lite');
    expect(bias?.provenance.note).toBe(`Full model ${FULL_MODEL_IDS.bias} is not installed — run \`${pullCommand}\`; used the lite tier`);
    expect(bias?.flags.length).toBeGreaterThan(0);
  });

  it('a damaged model file falls back to lite with the fix; once pulled again, the model flags the loaded sentence', async () => {
    await cache.store.pullModel(FULL_MODEL_IDS.bias);
    const resolved = await cache.store.resolveModelFiles(FULL_MODEL_IDS.bias);
    const weights = resolved.files['onnx/model_quantized.onnx']!;
    const { writeFile, readFile } = await import('node:fs/promises');
    const good = await readFile(weights);
    await writeFile(weights, Buffer.concat([good.subarray(0, good.length - 1), Buffer.from([good.at(-1)! ^ 0xff])]));

    const damaged = analysisOf((await analyze(text, ['bias'])).reply).bias;
    expect(damaged?.provenance.tier).toBe('lite');
    expect(damaged?.provenance.note).toMatch(
      new RegExp(`^Full model ${FULL_MODEL_IDS.bias} failed \\(.*failed its checksum.*${pullCommand}.*\\); used the lite tier$`),
    );

    await cache.store.pullModel(FULL_MODEL_IDS.bias);
    const analysis = analysisOf((await analyze(text, ['bias'])).reply);
    const bias = analysis.bias!;
    expect(bias.provenance).toMatchObject({ tier: 'full', model: FULL_MODEL_IDS.bias, backend: 'cpu' });
    expect(bias.flags.map((f) => f.text)).toEqual(['Critics slammed the radical scheme as disastrous.']);
    const cues = bias.flags.flatMap((f) => f.cues.map((c) => c.text));
    expect(cues).toEqual(expect.arrayContaining(['slammed', 'radical', 'disastrous']));
    expect(spansSlice(text, [...bias.flags, ...bias.flags.flatMap((f) => f.cues)])).toBe(true);
    expect(bias.flags.every((f) => /gives no word attributions/.test(f.explanation) && f.score >= 0.6)).toBe(true);

    const info = EngineInfoSchema.parse(await (await fetch(`${full.daemon.server.url}/`)).json());
    expect(info.models).toContainEqual({ id: FULL_MODEL_IDS.bias, task: 'bias', tier: 'full' });
  });
});

describe('cancellation', () => {
  it('cancelling a long full-tier summary stops it: a cancelled reply, and the chunks stop', async () => {
    const text = Array.from(
      { length: 80 },
      (_, i) => `Item ${i} harbor news came in. The council said the vote was new and the plan was new.`,
    ).join('\n');
    const id = 'long-summary';
    const start = full.summarizedChunks();
    ws.send(JSON.stringify({ v: 1, id, type: 'analyze', params: { text, tasks: ['summary'], tier: 'full' } }));
    const first = await log.waitFor((m) => m.id === id && m.type === 'progress' && m.completed === 1);
    const total = first.type === 'progress' ? first.total : 0;
    ws.send(JSON.stringify({ v: 1, id: 'stop', type: 'cancel', target: id }));
    expect(await log.reply(id)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // Between two chunks the model slot never goes idle (only microtasks run there), so idle means
    // the cancelled summary has stopped or finished.
    while (full.full.engine.loaded().some((slot) => slot.busy)) await new Promise((resolve) => setTimeout(resolve, 5));
    const chunksOfCancelled = full.summarizedChunks() - start;
    expect(total).toBeGreaterThan(20);
    expect(chunksOfCancelled).toBeGreaterThanOrEqual(1);
    expect(chunksOfCancelled).toBeLessThan(total - 1);
    expect((await request(ws, log, { id: 'after-cancel', type: 'ping' })).reply).toMatchObject({ ok: true });
  });
});
