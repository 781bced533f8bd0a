import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDaemonClient } from '../../../extension/entrypoints/background/daemon-client';
import { liteEngineHost } from '../lite-engine-host';
import { createRouter, DISCONNECTED_NOTE } from '../../../extension/entrypoints/background/router';
import type { Routing } from '../../../extension/lib/settings';
import type { Analysis } from '../../../shared/protocol/results';
import { flush, socketFactory } from '../fake-daemon-socket';

const TEXT = [
  'The city council approved the Harbor Point plan on Tuesday by a vote of 6-3.',
  'Critics say the shocking decision will obviously destroy the waterfront.',
  'Mayor Lena Ortiz said construction starts in March and will cost $40 million.',
].join('\n\n');

const AUTO: Routing = { summary: 'auto', entities: 'auto', bias: 'auto', captions: 'auto' };

async function setup(routing: Routing = AUTO, pair = true) {
  const sockets = socketFactory();
  const daemon = createDaemonClient({
    loadPairing: async () => (pair ? { port: 7341, token: 't'.repeat(32) } : null),
    createSocket: sockets.create,
  });
  daemon.start();
  await flush();
  if (pair) {
    sockets.current.open();
    await flush();
  }
  const router = createRouter({ daemon, browserEngine: liteEngineHost(), loadRouting: async () => routing });
  return { router, sockets, daemon };
}

function daemonAnalysis(text: string): Analysis {
  return {
    summary: {
      sentences: [{ start: 0, end: 10, text: text.slice(0, 10), score: 1 }],
      provenance: { engine: 'daemon', tier: 'full', model: 'Xenova/distilbart-cnn-6-6', backend: 'cpu' },
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('router', () => {
  it('sends the summary to a connected daemon and runs entities and bias in the browser', async () => {
    const { router, sockets } = await setup();
    const pending = router.analyzePage(1, TEXT, ['summary', 'entities', 'bias']);
    await flush();
    const request = sockets.current.last('analyze')!;
    expect(request).toMatchObject({ params: { tasks: ['summary'], text: TEXT } });
    sockets.current.reply({ v: 1, type: 'result', id: request.id, ok: true, result: { kind: 'analysis', analysis: daemonAnalysis(TEXT) } });
    const analysis = await pending;
    expect(analysis.summary?.provenance).toMatchObject({ engine: 'daemon', model: 'Xenova/distilbart-cnn-6-6' });
    expect(analysis.entities?.provenance.engine).toBe('browser');
    expect(analysis.bias?.provenance.engine).toBe('browser');
    expect(analysis.bias?.flags.length).toBeGreaterThan(0);
  });

  it('re-runs in the browser with a visible note when the daemon disconnects mid-request', async () => {
    const { router, sockets } = await setup();
    const pending = router.analyzePage(1, TEXT, ['summary']);
    await flush();
    expect(sockets.current.last('analyze')).toBeDefined();
    sockets.current.drop(1006);
    const analysis = await pending;
    expect(analysis.summary?.provenance).toMatchObject({ engine: 'browser', tier: 'lite', note: DISCONNECTED_NOTE });
    expect(analysis.summary?.sentences.length).toBeGreaterThan(0);
    for (const s of analysis.summary!.sentences) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
  });

  it('names the daemon error in the note when the daemon answers with one', async () => {
    const { router, sockets } = await setup({ ...AUTO, bias: 'daemon' });
    const pending = router.analyzePage(1, TEXT, ['bias']);
    await flush();
    const id = sockets.current.last('analyze')!.id;
    sockets.current.reply({
      v: 1,
      type: 'error',
      id,
      ok: false,
      error: { code: 'model-missing', message: 'Pull the bias model with `loupe models pull bias`' },
    });
    const analysis = await pending;
    expect(analysis.bias?.provenance.engine).toBe('browser');
    expect(analysis.bias?.provenance.note).toContain('loupe models pull bias');
  });

  it('runs everything in the browser, without a note, when auto has no daemon', async () => {
    const { router } = await setup(AUTO, false);
    const analysis = await router.analyzePage(1, TEXT, ['summary', 'entities']);
    expect(analysis.summary?.provenance).toMatchObject({ engine: 'browser' });
    expect(analysis.summary?.provenance.note).toBeUndefined();
    expect(analysis.entities?.items.map((e) => e.text)).toContain('$40 million');
  });

  it('says why when the user asked for the daemon but it is not paired', async () => {
    const { router } = await setup({ ...AUTO, summary: 'daemon' }, false);
    const analysis = await router.analyzePage(1, TEXT, ['summary']);
    expect(analysis.summary?.provenance.note).toMatch(/not paired.*ran in the browser/s);
  });

  it('keeps the browser when the user routes a task there even with a daemon connected', async () => {
    const { router, sockets } = await setup({ ...AUTO, summary: 'browser' });
    const analysis = await router.analyzePage(1, TEXT, ['summary']);
    expect(sockets.current.last('analyze')).toBeUndefined();
    expect(analysis.summary?.provenance.engine).toBe('browser');
  });

  it('describes an image from page context when the daemon drops, saying so', async () => {
    const { router, sockets } = await setup();
    const context = [{ source: 'alt' as const, text: 'Harbor Point at dusk' }];
    const pending = router.describeImage(context, { bytes: new Uint8Array([1, 2, 3]), mimeType: 'image/png' });
    await flush();
    expect(sockets.current.last('describe-image')).toBeDefined();
    sockets.current.drop();
    const description = await pending;
    expect(description.caption).toBeUndefined();
    expect(description.context).toEqual(context);
    expect(description.provenance).toMatchObject({ engine: 'browser', tier: 'lite', note: DISCONNECTED_NOTE });
  });
});
