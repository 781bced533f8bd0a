import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../daemon/logger';
import { createLiteWorkerPool, type LiteWorkerPool } from '../../../daemon/lite-pool/lite-worker-pool';
import { LoupeError } from '../../../shared/protocol/errors';

let pool: LiteWorkerPool | undefined;
afterEach(() => pool?.close());

const TEXT =
  'The Bayview City Council voted on Tuesday to approve the Harbor Point plan. Critics slammed the shameless giveaway. Mayor Daniel Reyes said work starts in March.';
const echoed = (analysis: { summary?: { sentences: { text: string }[] } }) => analysis.summary?.sentences[0]?.text;
const quiet = { signal: new AbortController().signal, onProgress: () => undefined };

function start(size = 1, entry?: URL) {
  pool = createLiteWorkerPool({
    size,
    workerData: { engine: 'daemon', models: 'rules' },
    maxHeapMb: 256,
    logger: createMemoryLogger(),
    ...(entry ? { entry } : {}),
  });
  return pool;
}

describe('lite worker pool', () => {
  it('analyses on a worker thread with the lite pipelines', async () => {
    const analysis = await start().analyze({ text: TEXT, tasks: ['summary', 'entities', 'bias'], tier: 'lite' }, quiet);
    for (const e of analysis.entities?.items ?? []) expect(TEXT.slice(e.start, e.end)).toBe(e.text);
    expect(analysis.entities?.items.map((e) => e.text)).toContain('Daniel Reyes');
    expect(analysis.summary?.provenance.engine).toBe('daemon');
  });

  it('passes the engine’s refusals through with their codes', async () => {
    const error = await start()
      .analyze({ text: '   ', tasks: ['summary'], tier: 'lite' }, quiet)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoupeError);
    expect((error as LoupeError).code).toBe('no-article');
  });

  it('cancelling a request stuck in synchronous code terminates its worker, and the next request is served', async () => {
    const busy = start(1, new URL('./busy-worker.mjs', import.meta.url));
    const controller = new AbortController();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const stuck = busy.analyze(
      { text: 'spin', tasks: ['summary'], tier: 'lite' },
      { signal: controller.signal, onProgress: () => started() },
    );
    await running;
    controller.abort(new LoupeError('cancelled', 'the tab closed'));
    await expect(stuck).rejects.toMatchObject({ code: 'cancelled' });
    expect(busy.stats()).toMatchObject({ replaced: 1, busy: 0 });
    const next = await busy.analyze({ text: 'echo', tasks: ['summary'], tier: 'lite' }, quiet);
    expect(echoed(next)).toBe('echo');
  });

  it('queues requests beyond its workers and serves them in order', async () => {
    const two = start(2);
    const texts = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} says the council met in Bayview.`);
    const analyses = await Promise.all(texts.map((text) => two.analyze({ text, tasks: ['entities'], tier: 'lite' }, quiet)));
    expect(analyses.map((a) => a.entities?.items.map((e) => e.text))).toEqual(texts.map(() => ['Bayview']));
    expect(two.stats()).toMatchObject({ workers: 2, queued: 0, completed: 6 });
  });

  it('a worker that runs out of memory fails only its request, naming the limit', async () => {
    const hungry = start(1, new URL('./busy-worker.mjs', import.meta.url));
    const error = await hungry.analyze({ text: 'hoard', tasks: ['summary'], tier: 'lite' }, quiet).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'input-too-large', message: expect.stringContaining('256 MB') });
    expect(echoed(await hungry.analyze({ text: 'echo', tasks: ['summary'], tier: 'lite' }, quiet))).toBe('echo');
  });
});
