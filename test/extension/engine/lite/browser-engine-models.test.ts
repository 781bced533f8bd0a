import { describe, expect, it } from 'vitest';
import { createBrowserLiteEngine } from '../../../../extension/engine/lite/browser-lite-engine';
import type { BiasModel, EntityModel } from '../../../../shared/lite/lite-models';

const TEXT = 'Councillor Victor Reyes slammed the disastrous plan. Mayor Elena Marsh spoke on Tuesday.';

const tagger: EntityModel = {
  id: 'lite/entities@1',
  backend: 'wasm',
  tag: async (text) => [
    { start: text.indexOf('Elena'), end: text.indexOf('Elena') + 11, text: 'Elena Marsh', type: 'PER', score: 0.9, source: 'model' },
  ],
};

const classifier: BiasModel = {
  id: 'lite/bias@1',
  backend: 'wasm',
  flag: async (text) => {
    const end = text.indexOf('.') + 1;
    return [
      {
        start: 0,
        end,
        text: text.slice(0, end),
        category: 'loaded-language',
        score: 0.8,
        cues: [{ start: 24, end: 31, text: 'slammed', weight: 1 }],
        explanation: 'loaded',
      },
    ];
  },
};

describe('the browser engine with trained lite models (createLiteBrowserEngine)', () => {
  it('uses the loaded models and says so in provenance', async () => {
    const engine = createBrowserLiteEngine({ loadModels: async () => ({ entities: tagger, bias: classifier }) });
    const analysis = await engine.analyze(TEXT, ['entities', 'bias']);
    expect(analysis.entities?.provenance).toEqual({ engine: 'browser', tier: 'lite', model: 'lite/entities@1', backend: 'wasm' });
    expect(analysis.entities?.items).toContainEqual(expect.objectContaining({ text: 'Elena Marsh', source: 'model' }));
    expect(analysis.entities?.items).toContainEqual(expect.objectContaining({ text: 'Tuesday', type: 'DATE', source: 'pattern' }));
    expect(analysis.bias?.provenance.model).toBe('lite/bias@1');
    // The lexicon adds its own word for the sentence the model flagged.
    expect(analysis.bias?.flags[0]?.cues.map((c) => c.text)).toEqual(['slammed', 'disastrous']);
  });

  it('runs the rules for a task whose model is unavailable, with the note that names the fix', async () => {
    const note =
      'Trained entity tagger lite/entities not loaded (missing), so entities come from capitalisation heuristics — if this persists, reinstall or rebuild the extension (npm run build).';
    const engine = createBrowserLiteEngine({ loadModels: async () => ({ bias: classifier, unavailable: { entities: note } }) });
    const analysis = await engine.analyze(TEXT, ['entities', 'bias']);
    expect(analysis.entities?.provenance).toMatchObject({ model: 'lite/entities-heuristic@1', backend: 'rules', note });
    expect(analysis.entities?.items.some((e) => e.source === 'heuristic')).toBe(true);
    expect(analysis.bias?.provenance.model).toBe('lite/bias@1');
    expect(analysis.bias?.provenance.note).toBeUndefined();
  });

  it('falls back to rules when a model fails mid-analysis, and loads again next time', async () => {
    let forgotten = 0;
    const failing: EntityModel = {
      ...tagger,
      tag: async () => {
        throw new Error('offscreen document closed');
      },
    };
    const engine = createBrowserLiteEngine({
      loadModels: async () => ({ entities: failing, bias: classifier }),
      forgetModels: () => {
        forgotten += 1;
      },
    });
    const analysis = await engine.analyze(TEXT, ['entities', 'bias']);
    expect(forgotten).toBe(1);
    expect(analysis.entities?.provenance).toMatchObject({ backend: 'rules' });
    expect(analysis.entities?.provenance.note).toMatch(/Trained lite model failed \(offscreen document closed\).*annotate again to retry/);
    expect(analysis.bias?.provenance).toMatchObject({ model: 'lite/bias-rules@1' });
    expect(analysis.bias?.flags.some((f) => f.cues.some((c) => c.text === 'slammed'))).toBe(true);
  });

  it('does not load the models for a summary alone', async () => {
    let loads = 0;
    const engine = createBrowserLiteEngine({
      loadModels: async () => {
        loads += 1;
        return { entities: tagger };
      },
    });
    const analysis = await engine.analyze(TEXT, ['summary']);
    expect(analysis.summary?.sentences.length).toBeGreaterThan(0);
    expect(loads).toBe(0);
  });
});

describe('the browser engine describing an image', () => {
  const context = [{ source: 'alt' as const, text: 'Council vote' }];
  const image = { bytes: new Uint8Array([137, 80, 78, 71]), mimeType: 'image/png' };

  it('adds the text read from the image, with the backend that read it', async () => {
    const engine = createBrowserLiteEngine({
      readImageText: { readText: async () => ({ text: 'Harbor Point vote: 6-3', backend: 'wasm' }) },
    });
    const description = await engine.describeImage(context, image);
    expect(description.ocrText).toBe('Harbor Point vote: 6-3');
    expect(description.provenance).toMatchObject({ engine: 'browser', tier: 'lite', backend: 'wasm' });
  });

  it('still describes the image from its context when the text cannot be read, and says why', async () => {
    const engine = createBrowserLiteEngine({
      readImageText: {
        readText: async () => {
          throw new Error('Not an image Loupe can read in the browser');
        },
      },
    });
    const description = await engine.describeImage(context, image);
    expect(description.ocrText).toBeUndefined();
    expect(description.context).toEqual(context);
    expect(description.provenance.note).toBe('Text in the image was not read: Not an image Loupe can read in the browser');
  });
});
