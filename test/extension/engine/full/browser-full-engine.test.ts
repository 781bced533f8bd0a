import { describe, expect, it } from 'vitest';
import { createBrowserFullEngine } from '../../../../extension/engine/full/browser-full-engine';
import { writeManifest } from '../../../../extension/engine/full/model-cache';
import type { LoadedPipeline, TokenTag } from '../../../../extension/engine/full/transformers-web-runtime';
import { memoryModelCache } from './memory-model-cache';

const NER = 'Xenova/bert-base-NER';

/** Tags WordPiece-like tokens of the words it knows, the way the token-classification pipeline reports them (no offsets). */
function fakeTagger(): LoadedPipeline {
  const labels: Record<string, string> = { Angela: 'B-PER', Mer: 'I-PER', '##kel': 'I-PER', Paris: 'B-LOC' };
  const pieces = (text: string) =>
    text
      .split(/\s+/u)
      .filter(Boolean)
      .flatMap((w) => (w === 'Merkel' ? ['Mer', '##kel'] : [w.replace(/[.,]/gu, '')]));
  return {
    maxInputTokens: 8,
    hasPastKeyValues: false,
    countTokens: (text) => pieces(text).length + 2,
    async tag(texts) {
      return texts.map((t) => pieces(t).map((word, i): TokenTag => ({ word, entity: labels[word] ?? 'O', score: 0.9, index: i + 1 })));
    },
    summarize: async () => '',
    caption: async () => '',
    classify: async () => [],
    dispose: async () => undefined,
  };
}

async function installed(cache = memoryModelCache(), dtype: 'q8' | 'fp16' = 'q8') {
  await writeManifest(cache, { id: NER, revision: 'main', dtype, files: [], bytes: 0, installedAt: 1 });
  return cache;
}

const noGpu = { requestAdapter: async () => null };
const gpu = { requestAdapter: async () => ({ info: { vendor: 'google', description: 'SwiftShader' } }) };

describe('the full engine in the engine host', () => {
  it('tags entities with offsets into the text, across chunks the model reads one at a time', async () => {
    const cache = await installed();
    const engine = createBrowserFullEngine({ cache: async () => cache, gpu: noGpu, load: async () => fakeTagger() });
    const text = 'Angela Merkel flew in. Then she went to Paris. Angela Merkel left Paris again.';
    const { items, provenance } = await engine.tagEntities(text);
    expect(items.map((e) => [e.type, e.text, text.slice(e.start, e.end)])).toEqual([
      ['PER', 'Angela Merkel', 'Angela Merkel'],
      ['LOC', 'Paris', 'Paris'],
      ['PER', 'Angela Merkel', 'Angela Merkel'],
      ['LOC', 'Paris', 'Paris'],
    ]);
    expect(items[2]!.start).toBe(text.lastIndexOf('Angela'));
    expect(provenance).toEqual({ engine: 'browser', tier: 'full', model: NER, backend: 'wasm' });
  });

  it('loads the downloaded weights on WebGPU when there is an adapter, and falls back to WebAssembly when WebGPU fails', async () => {
    const cache = await installed(memoryModelCache(), 'fp16');
    const asked: string[] = [];
    const engine = createBrowserFullEngine({
      cache: async () => cache,
      gpu,
      load: async (_task, _id, { device, dtype }) => {
        asked.push(`${device}/${dtype}`);
        if (device === 'webgpu') throw new Error('no shader-f16');
        return fakeTagger();
      },
    });
    const { provenance } = await engine.tagEntities('Angela Merkel');
    expect(asked).toEqual(['webgpu/fp16', 'wasm/fp16']);
    expect(provenance.backend).toBe('wasm');
    expect((await engine.info()).reason).toContain('WebGPU failed to start Xenova/bert-base-NER (no shader-f16)');
  });

  it('says where to download a model that is not in the cache', async () => {
    const engine = createBrowserFullEngine({ cache: async () => memoryModelCache(), gpu: noGpu, load: async () => fakeTagger() });
    await expect(engine.tagEntities('Angela Merkel')).rejects.toMatchObject({
      code: 'model-missing',
      message: expect.stringContaining("open Loupe's Options → Models and download it"),
    });
  });

  it('refuses a summariser whose decoder has no past key values, naming the fix', async () => {
    const cache = memoryModelCache();
    await writeManifest(cache, { id: 'Xenova/distilbart-cnn-6-6', revision: 'r', dtype: 'q8', files: [], bytes: 0, installedAt: 1 });
    const engine = createBrowserFullEngine({ cache: async () => cache, gpu: noGpu, load: async () => fakeTagger() });
    await expect(engine.summarize('The council met. It voted.')).rejects.toMatchObject({
      code: 'model-corrupt',
      message: expect.stringContaining('decoder_model_merged.onnx'),
    });
  });

  it('reloads a model downloaded again with other weights', async () => {
    const cache = await installed();
    let loads = 0;
    const engine = createBrowserFullEngine({
      cache: async () => cache,
      gpu: noGpu,
      load: async () => {
        loads++;
        return fakeTagger();
      },
    });
    await engine.tagEntities('Paris');
    await engine.tagEntities('Paris');
    expect(loads).toBe(1);
    await writeManifest(cache, { id: NER, revision: 'main', dtype: 'fp32', files: [], bytes: 0, installedAt: 2 });
    await engine.tagEntities('Paris');
    expect(loads).toBe(2);
  });
});
