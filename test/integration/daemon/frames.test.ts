import { afterEach, describe, expect, it } from 'vitest';
import { INPUT_LIMITS, MAX_TEXT_FRAME_BYTES } from '../../../shared/limits';
import { LoupeError } from '../../../shared/protocol/errors';
import { AnalysisSchema } from '../../../shared/protocol/results';
import type { AnalyzeFn } from '../../../daemon/server/server-deps';
import { messageLog, openSocket, sendJson, startTestDaemon, type TestDaemon } from './test-daemon';

let daemon: TestDaemon | undefined;
afterEach(() => daemon?.stop());

const TEXT =
  'The Bayview City Council voted six to three on Tuesday to approve the Harbor Point plan. ' +
  'Critics slammed the shameless giveaway. Mayor Daniel Reyes said construction starts in March 2025.';

/** An analyzer that runs until it is aborted, like a long page on a slow machine. */
const waitsForAbort: AnalyzeFn = (_params, { signal, onProgress }) =>
  new Promise((_resolve, reject) => {
    onProgress({ stage: 'summary', completed: 0, total: 1 });
    signal.addEventListener('abort', () => reject(new LoupeError('cancelled', 'stopped')), { once: true });
  });

async function connect(overrides = {}) {
  daemon = await startTestDaemon(overrides);
  const ws = await openSocket(daemon);
  return { ws, log: messageLog(ws) };
}

describe('daemon frames (real server, lite pipelines)', () => {
  it('answers hello with the engine info', async () => {
    const { ws, log } = await connect();
    sendJson(ws, { v: 1, id: 'h1', type: 'hello', client: 'test' });
    expect(await log.reply('h1')).toMatchObject({ ok: true, result: { kind: 'hello', engine: { name: 'loupe', protocol: 1 } } });
  });

  it('returns an analysis whose spans all slice the text that was sent', async () => {
    const { ws, log } = await connect();
    sendJson(ws, { v: 1, id: 'a1', type: 'analyze', params: { text: TEXT, tasks: ['summary', 'entities', 'bias'] } });
    const reply = await log.reply('a1');
    if (reply.type !== 'result' || reply.result.kind !== 'analysis') throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
    const analysis = AnalysisSchema.parse(reply.result.analysis);
    // Spans, not the text: the daemon never sends the text back.
    expect(JSON.stringify(reply)).not.toContain(TEXT);
    const spans = [...(analysis.summary?.sentences ?? []), ...(analysis.entities?.items ?? []), ...(analysis.bias?.flags ?? [])];
    expect(spans.length).toBeGreaterThan(3);
    for (const span of spans) expect(TEXT.slice(span.start, span.end)).toBe(span.text);
    expect(analysis.entities?.items.map((e) => e.text)).toContain('Daniel Reyes');
    expect(analysis.bias?.flags.some((f) => f.cues.some((c) => c.text === 'slammed'))).toBe(true);
    expect(analysis.summary?.provenance.engine).toBe('daemon');
  });

  it('answers malformed, invalid, unknown and oversized frames with typed errors and keeps the connection', async () => {
    const { ws, log } = await connect();
    ws.send('{"v":1,"id":"bad1", nope');
    expect(await log.reply('bad1')).toMatchObject({
      ok: false,
      error: { code: 'bad-frame', message: expect.stringContaining('not JSON') },
    });
    sendJson(ws, { v: 1, id: 'bad2', type: 'analyze', params: { text: 'x', tasks: ['poetry'] } });
    expect(await log.reply('bad2')).toMatchObject({ error: { code: 'bad-frame', message: expect.stringContaining('params.tasks') } });
    sendJson(ws, { v: 1, id: 'bad3', type: 'launch-missiles' });
    expect(await log.reply('bad3')).toMatchObject({ error: { code: 'bad-frame' } });
    sendJson(ws, { v: 2, id: 'bad4', type: 'ping' });
    expect(await log.reply('bad4')).toMatchObject({ error: { code: 'unsupported-version' } });
    // A field from a newer extension: the error says which side to update.
    sendJson(ws, { v: 1, id: 'new1', type: 'analyze', params: { text: 'x', tasks: ['summary'], page: { mood: 'calm' } } });
    expect(await log.reply('new1')).toMatchObject({
      error: { code: 'unsupported-version', message: expect.stringMatching(/"params\.page\.mood".*extension is newer than the daemon/u) },
    });
    sendJson(ws, { v: 1, id: 'big1', type: 'analyze', params: { text: 'word '.repeat(MAX_TEXT_FRAME_BYTES / 5 + 1), tasks: ['summary'] } });
    expect(await log.reply('big1')).toMatchObject({ error: { code: 'frame-too-large' } });
    sendJson(ws, { v: 1, id: 'big2', type: 'analyze', params: { text: 'x'.repeat(INPUT_LIMITS.maxTextChars + 1), tasks: ['summary'] } });
    expect(await log.reply('big2')).toMatchObject({
      error: { code: 'input-too-large', message: expect.stringContaining('2,000,000-character limit') },
    });
    ws.send('[]');
    expect(await log.reply(null)).toMatchObject({ error: { code: 'bad-frame' } });
    sendJson(ws, { v: 1, id: 'p1', type: 'ping' });
    expect(await log.reply('p1')).toMatchObject({ ok: true, result: { kind: 'pong' } });
  });

  it('closes with 1009 a frame beyond maxPayload, which ws never reads', async () => {
    const { ws } = await connect({ frameLimits: { maxTextBytes: 1024, maxPayload: 2048 } });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send('x'.repeat(4096));
    expect(await closed).toBe(1009);
  });

  it('cancels an in-flight analysis: the request fails with cancelled and the cancel is acknowledged', async () => {
    const { ws, log } = await connect({ analyze: waitsForAbort });
    sendJson(ws, { v: 1, id: 'slow', type: 'analyze', params: { text: TEXT, tasks: ['summary'] } });
    await log.waitFor((m) => m.type === 'progress' && m.id === 'slow');
    sendJson(ws, { v: 1, id: 'c1', type: 'cancel', target: 'slow' });
    expect(await log.reply('slow')).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await log.reply('c1')).toMatchObject({ ok: true, result: { kind: 'cancelled', target: 'slow' } });
  });

  it('answers overloaded beyond four requests in flight on one connection', async () => {
    const { ws, log } = await connect({ analyze: waitsForAbort });
    for (let i = 0; i < 5; i++) sendJson(ws, { v: 1, id: `r${i}`, type: 'analyze', params: { text: TEXT, tasks: ['summary'] } });
    expect(await log.reply('r4')).toMatchObject({ error: { code: 'overloaded' } });
    sendJson(ws, { v: 1, id: 'p', type: 'ping' });
    expect(await log.reply('p')).toMatchObject({ ok: true });
  });

  it('terminates a socket that stops answering heartbeat pings', async () => {
    const { ws } = await connect({ limits: { heartbeatMs: 50 } });
    ws.pause(); // a frozen client: it no longer reads pings, so it never pongs
    while (!daemon!.logs.some((line) => line.includes('disconnected (1006)'))) await new Promise((r) => setTimeout(r, 20));
    expect(daemon!.logs.filter((line) => line.includes('disconnected'))).toHaveLength(1);
    ws.terminate();
  });

  it('aborts the work of a socket that closes mid-request and keeps serving others', async () => {
    let sawAbort!: (text: string) => void;
    const abortedText = new Promise<string>((resolve) => (sawAbort = resolve));
    const analyze: AnalyzeFn = (params, options) => {
      options.signal.addEventListener('abort', () => sawAbort(params.text));
      return waitsForAbort(params, options);
    };
    const { ws, log } = await connect({ analyze });
    sendJson(ws, { v: 1, id: 'gone', type: 'analyze', params: { text: 'closing tab', tasks: ['summary'] } });
    await log.waitFor((m) => m.type === 'progress');
    ws.terminate();
    expect(await abortedText).toBe('closing tab');
    const other = await openSocket(daemon!);
    const otherLog = messageLog(other);
    sendJson(other, { v: 1, id: 'p', type: 'ping' });
    expect(await otherLog.reply('p')).toMatchObject({ ok: true, result: { kind: 'pong' } });
    other.close();
  });
});
