import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { downloadModel, type DownloadProgress } from '../../../../extension/engine/full/download-model';
import { describePlanSize, downloadPlan, chooseDownloadDtype, fullTierModels } from '../../../../extension/engine/full/download-plan';
import { cachedFileUrl, deleteModel, listInstalled, readInstalled } from '../../../../extension/engine/full/model-cache';
import { CatalogueEntrySchema, type CatalogueEntry } from '../../../../shared/models/catalogue-schema';
import { memoryModelCache } from './memory-model-cache';

const MIRROR = 'http://127.0.0.1:9999';
const FILES: Record<string, Uint8Array> = {
  'config.json': new TextEncoder().encode('{"model_type":"bert"}'),
  'tokenizer.json': new TextEncoder().encode('{"model":{}}'),
  'onnx/model_quantized.onnx': new Uint8Array(70_000).map((_, i) => i % 251),
  'onnx/model.onnx': new Uint8Array(90_000),
};
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function entry(overrides: { sizes?: boolean; digest?: string } = {}): CatalogueEntry {
  const file = (path: string, dtype?: 'q8' | 'fp32') => ({
    path,
    ...(dtype ? { dtype } : {}),
    ...(overrides.sizes ? { size: FILES[path]!.byteLength } : {}),
    ...(path === 'onnx/model_quantized.onnx' && overrides.digest ? { sha256: overrides.digest } : {}),
  });
  return CatalogueEntrySchema.parse({
    id: 'Xenova/bert-base-NER',
    task: 'entities',
    tier: 'full',
    runsOn: 'both',
    source: { kind: 'huggingface', repo: 'Xenova/bert-base-NER', revision: 'a'.repeat(40) },
    licence: 'MIT',
    why: 'test',
    defaultDtype: 'q8',
    files: [file('config.json'), file('tokenizer.json'), file('onnx/model.onnx', 'fp32'), file('onnx/model_quantized.onnx', 'q8')],
  });
}

/** A mirror in the Hub's layout whose bodies arrive in 16 kB chunks; records the URLs asked for. */
function fakeMirror(serve: Record<string, Uint8Array> = FILES) {
  const asked: string[] = [];
  const fetchFn = (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const prefix = `${MIRROR}/Xenova/bert-base-NER/resolve/${'a'.repeat(40)}/`;
    const body = url.startsWith(prefix) ? serve[url.slice(prefix.length)] : undefined;
    if (!body) return new Response('not found', { status: 404 });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += 16_000) controller.enqueue(body.slice(i, i + 16_000));
        controller.close();
      },
    });
    return new Response(stream, { headers: { 'content-length': String(body.length) } });
  }) as typeof fetch;
  return { fetchFn, asked };
}

describe('downloadModel', () => {
  it('fetches only the chosen dtype from <mirror>/<repo>/resolve/<revision>/<file> and installs it in the cache', async () => {
    const cache = memoryModelCache();
    const { fetchFn, asked } = fakeMirror();
    const installed = await downloadModel(entry(), { mirror: `${MIRROR}/`, dtype: 'q8', cache, fetch: fetchFn, now: () => 42 });
    expect(asked).toEqual(
      ['config.json', 'tokenizer.json', 'onnx/model_quantized.onnx'].map(
        (f) => `${MIRROR}/Xenova/bert-base-NER/resolve/${'a'.repeat(40)}/${f}`,
      ),
    );
    expect(installed).toMatchObject({
      id: 'Xenova/bert-base-NER',
      dtype: 'q8',
      bytes: 70_000 + FILES['config.json']!.length + FILES['tokenizer.json']!.length,
      installedAt: 42,
    });
    const cached = await cache.match(cachedFileUrl('Xenova/bert-base-NER', 'onnx/model_quantized.onnx'));
    expect(new Uint8Array(await cached!.arrayBuffer())).toEqual(FILES['onnx/model_quantized.onnx']);
    expect(await cache.match(cachedFileUrl('Xenova/bert-base-NER', 'onnx/model.onnx'))).toBeUndefined();
    expect((await listInstalled(cache)).map((m) => m.id)).toEqual(['Xenova/bert-base-NER']);
  });

  it('reports progress that only grows and ends at the catalogue total', async () => {
    const progress: DownloadProgress[] = [];
    const { fetchFn } = fakeMirror();
    await downloadModel(entry({ sizes: true }), {
      mirror: MIRROR,
      dtype: 'q8',
      cache: memoryModelCache(),
      fetch: fetchFn,
      onProgress: (p) => progress.push(p),
    });
    const total = downloadPlan(entry({ sizes: true }), 'q8').bytes;
    expect(progress.every((p) => p.total === total)).toBe(true);
    expect(progress.map((p) => p.completed)).toEqual([...progress.map((p) => p.completed)].sort((a, b) => a - b));
    expect(progress.filter((p) => p.file === 'onnx/model_quantized.onnx' && p.status === 'downloading').length).toBeGreaterThan(4);
    expect(progress.at(-1)).toMatchObject({ status: 'done', completed: total });
  });

  it('accepts a file whose sha256 matches the catalogue and refuses one that does not, leaving nothing installed', async () => {
    const good = sha(FILES['onnx/model_quantized.onnx']!);
    const { fetchFn } = fakeMirror();
    await expect(
      downloadModel(entry({ digest: good }), { mirror: MIRROR, dtype: 'q8', cache: memoryModelCache(), fetch: fetchFn }),
    ).resolves.toMatchObject({ dtype: 'q8' });
    const cache = memoryModelCache();
    const tampered = { ...FILES, 'onnx/model_quantized.onnx': FILES['onnx/model_quantized.onnx']!.map((b, i) => (i === 5 ? b ^ 1 : b)) };
    await expect(
      downloadModel(entry({ digest: good }), { mirror: MIRROR, dtype: 'q8', cache, fetch: fakeMirror(tampered).fetchFn }),
    ).rejects.toMatchObject({ code: 'model-corrupt', message: expect.stringContaining('failed its sha256 check') });
    expect(cache.urls()).toEqual([]);
    expect(await readInstalled(cache, 'Xenova/bert-base-NER')).toBeUndefined();
  });

  it('says how to fix an unreachable mirror, and a mirror that lacks the file', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(
      downloadModel(entry(), { mirror: 'https://huggingface.co', dtype: 'q8', cache: memoryModelCache(), fetch: offline }),
    ).rejects.toThrow('Could not reach https://huggingface.co — check your connection or set a local mirror in Options.');
    const cache = memoryModelCache();
    const { fetchFn } = fakeMirror({ 'config.json': FILES['config.json']!, 'tokenizer.json': FILES['tokenizer.json']! });
    await expect(downloadModel(entry(), { mirror: MIRROR, dtype: 'q8', cache, fetch: fetchFn })).rejects.toThrow(
      /model_quantized\.onnx answered HTTP 404.*check the model mirror in Options/,
    );
    expect(cache.urls()).toEqual([]);
  });

  it('refuses a file of the wrong size when the catalogue records sizes', async () => {
    const short = { ...FILES, 'tokenizer.json': new TextEncoder().encode('{}') };
    await expect(
      downloadModel(entry({ sizes: true }), { mirror: MIRROR, dtype: 'q8', cache: memoryModelCache(), fetch: fakeMirror(short).fetchFn }),
    ).rejects.toThrow(/tokenizer\.json is 2 bytes, the catalogue says/);
  });

  it('stops and cleans up when cancelled', async () => {
    const controller = new AbortController();
    const cache = memoryModelCache();
    const { fetchFn } = fakeMirror();
    const cancelling = (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).endsWith('.onnx')) {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      }
      return fetchFn(input, init);
    }) as typeof fetch;
    await expect(
      downloadModel(entry(), { mirror: MIRROR, dtype: 'q8', cache, fetch: cancelling, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(cache.urls()).toEqual([]);
  });

  it('deletes every file of a model and nothing of another', async () => {
    const cache = memoryModelCache();
    await downloadModel(entry(), { mirror: MIRROR, dtype: 'q8', cache, fetch: fakeMirror().fetchFn });
    await cache.put(cachedFileUrl('Mozilla/distilvit', 'config.json'), new Response('{}'));
    await deleteModel(cache, 'Xenova/bert-base-NER');
    expect(cache.urls()).toEqual([cachedFileUrl('Mozilla/distilvit', 'config.json')]);
    expect(await listInstalled(cache)).toEqual([]);
  });
});

describe('download plan', () => {
  it('shows the size before download, or says it is unknown', () => {
    expect(describePlanSize(downloadPlan(entry({ sizes: true }), 'q8'))).toBe('70.0 kB');
    expect(describePlanSize(downloadPlan(entry(), 'q8'))).toBe('size unknown');
  });

  it('picks half precision on WebGPU where the catalogue has it, and the default q8 on WebAssembly', () => {
    const ner = fullTierModels().find((m) => m.id === 'Xenova/bert-base-NER')!;
    expect(chooseDownloadDtype(ner, 'webgpu')).toBe('fp16');
    expect(chooseDownloadDtype(ner, 'webgpu', false)).toBe('q8');
    expect(chooseDownloadDtype(ner, 'wasm')).toBe('q8');
    const bart = fullTierModels().find((m) => m.id === 'Xenova/distilbart-cnn-6-6')!;
    expect(chooseDownloadDtype(bart, 'webgpu')).toBe('q8');
  });
});
