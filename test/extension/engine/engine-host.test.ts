import { describe, expect, it } from 'vitest';
import { createEngineHost } from '../../../extension/engine/engine-host';
import type { BrowserFullEngine } from '../../../extension/engine/full/browser-full-engine';
import { createInstalledSnapshot } from '../../../extension/engine/full/installed-snapshot';
import { createBrowserLiteEngine } from '../../../extension/engine/lite/browser-lite-engine';
import { flagBiasWithNli } from '../../../shared/full/flag-bias-with-nli';
import { LoupeError } from '../../../shared/protocol/errors';
import type { Provenance, TextTask } from '../../../shared/protocol/results';
import { fakeFullRuntime, ratingClassifier } from '../../shared/full/fake-full-runtime';

const TEXT =
  'Angela Merkel met Kofi Annan in Paris on Monday, 3 March 2025.\n\nCritics say the shocking plan will obviously destroy the waterfront.';
const full = (model: string): Provenance => ({ engine: 'browser', tier: 'full', model, backend: 'wasm' });

/** A full engine that tags the two names it knows and captions everything alike. */
function fakeFull(overrides: Partial<BrowserFullEngine> = {}): BrowserFullEngine & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    info: async () => ({ backend: 'wasm', reason: 'test' }),
    async tagEntities(text) {
      calls.push('entities');
      const items = ['Angela Merkel', 'Kofi Annan'].map((name) => {
        const start = text.indexOf(name);
        return { start, end: start + name.length, text: name, type: 'PER' as const, score: 0.98, source: 'model' as const };
      });
      return { items, provenance: full('Xenova/bert-base-NER') };
    },
    async summarize() {
      calls.push('summary');
      return { sentences: [], generated: 'Merkel met Annan.', provenance: full('Xenova/distilbart-cnn-6-6') };
    },
    async caption() {
      calls.push('caption');
      return { caption: 'a harbour at dusk', provenance: full('Mozilla/distilvit') };
    },
    async flagBias(text, lite) {
      calls.push('bias');
      const runtime = fakeFullRuntime({ bias: ratingClassifier({}, (t) => (t.includes('shocking') ? 0.9 : 0.2)) }, 'browser');
      return flagBiasWithNli(runtime, text, lite);
    },
    ...overrides,
  };
}

function tier(installed: string[], engine = fakeFull()) {
  const host = createEngineHost({ lite: createBrowserLiteEngine(), full: engine, installed: async () => new Set(installed) });
  return {
    analyze: (text: string, tasks: TextTask[], options: { signal?: AbortSignal } = {}) =>
      host.analyze({ text, tasks, tier: 'full' }, options),
    describeImage: host.describeImage,
  };
}

describe('the engine host: the full tier over the lite engine', () => {
  it('uses each downloaded model for its task and keeps lite dates and key sentences beside it', async () => {
    const engine = fakeFull();
    const analysis = await tier(['Xenova/bert-base-NER', 'Xenova/distilbart-cnn-6-6', 'Xenova/nli-deberta-v3-xsmall'], engine).analyze(
      TEXT,
      ['summary', 'entities', 'bias'],
    );
    expect(analysis.entities!.provenance).toMatchObject({ tier: 'full', model: 'Xenova/bert-base-NER' });
    const shown = analysis.entities!.items.map((e) => `${e.type}:${e.text}`);
    expect(shown).toEqual(expect.arrayContaining(['PER:Angela Merkel', 'PER:Kofi Annan']));
    expect(analysis.entities!.items.some((e) => e.type === 'DATE' && e.source === 'pattern')).toBe(true);
    expect(analysis.summary).toMatchObject({
      generated: 'Merkel met Annan.',
      provenance: { tier: 'full', model: 'Xenova/distilbart-cnn-6-6' },
    });
    expect(analysis.summary!.sentences.length).toBeGreaterThan(0);
    expect(analysis.bias!.provenance).toMatchObject({ tier: 'full', model: 'Xenova/nli-deberta-v3-xsmall' });
    expect(analysis.bias!.flags.every((f) => f.text.includes('shocking'))).toBe(true);
    expect(analysis.bias!.flags.length).toBeGreaterThan(0);
  });

  it('stays lite, without calling the full engine, for a task whose model is not downloaded', async () => {
    const engine = fakeFull();
    const analysis = await tier(['Xenova/bert-base-NER'], engine).analyze(TEXT, ['summary', 'bias']);
    expect(engine.calls).toEqual([]);
    expect(analysis.summary!.provenance.tier).toBe('lite');
    expect(analysis.bias!.provenance.tier).toBe('lite');
  });

  it('falls back to lite with a note naming the model and the failure', async () => {
    const engine = fakeFull({
      tagEntities: async () => {
        throw new LoupeError('model-corrupt', 'onnx/model_quantized.onnx could not be loaded');
      },
    });
    const analysis = await tier(['Xenova/bert-base-NER'], engine).analyze(TEXT, ['entities']);
    expect(analysis.entities!.provenance).toMatchObject({ tier: 'lite', engine: 'browser' });
    expect(analysis.entities!.provenance.note).toContain(
      'Full model Xenova/bert-base-NER failed in the browser (onnx/model_quantized.onnx could not be loaded); used the lite tier',
    );
  });

  it('stops on cancellation instead of falling back', async () => {
    const controller = new AbortController();
    const engine = fakeFull({
      tagEntities: async () => {
        controller.abort();
        throw new LoupeError('cancelled', 'tab closed');
      },
    });
    await expect(tier(['Xenova/bert-base-NER'], engine).analyze(TEXT, ['entities'], { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it('captions an image with the downloaded captioner, keeping the page context', async () => {
    const context = [
      { source: 'alt' as const, text: 'Harbour' },
      { source: 'figcaption' as const, text: 'The harbour at dusk' },
    ];
    const described = await tier(['Mozilla/distilvit']).describeImage(
      { context, tier: 'full', mimeType: 'image/png' },
      new Uint8Array([1, 2, 3]),
    );
    expect(described.caption).toBe('a harbour at dusk');
    expect(described.provenance).toMatchObject({ tier: 'full', model: 'Mozilla/distilvit' });
    expect(described.context).toEqual(context);
    const withoutModel = await tier([]).describeImage({ context, tier: 'full' }, new Uint8Array([1]));
    expect(withoutModel.caption).toBeUndefined();
    expect(withoutModel.provenance.tier).toBe('lite');
  });

  it('runs only the lite tier for a lite request', async () => {
    const engine = fakeFull();
    const host = createEngineHost({
      lite: createBrowserLiteEngine(),
      full: engine,
      installed: async () => new Set(['Xenova/bert-base-NER']),
    });
    const analysis = await host.analyze({ text: TEXT, tasks: ['entities'], tier: 'lite' });
    expect(engine.calls).toEqual([]);
    expect(analysis.entities!.provenance.tier).toBe('lite');
  });

  it('says which tasks have a downloaded model (routing reads it before every request)', async () => {
    const snapshot = createInstalledSnapshot(async () => new Set(['Mozilla/distilvit']));
    expect(await snapshot.has('caption')).toBe(true);
    expect(await snapshot.has('summary')).toBe(false);
  });
});
