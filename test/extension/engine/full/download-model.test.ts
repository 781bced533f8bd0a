import { describe, expect, it } from 'vitest';
import { downloadModel, type DownloadProgress } from '../../../../extension/engine/full/download-model';
import { describePlanSize, downloadPlan, chooseDownloadDtype, fullTierModels } from '../../../../extension/engine/full/download-plan';
import { cachedFileUrl, deleteModel, listInstalled, readInstalled } from '../../../../extension/engine/full/model-cache';
import { entry, FILES, fakeMirror, MIRROR, sha } from './fake-mirror-fetch';
import { memoryModelCache } from './memory-model-cache';

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
    // The mirror declares the pinned file and serves other bytes: the catalogue decides after the download.
    const lying = fakeMirror({ serve: tampered, declare: FILES });
    await expect(
      downloadModel(entry({ digest: good }), { mirror: MIRROR, dtype: 'q8', cache, fetch: lying.fetchFn }),
    ).rejects.toMatchObject({
      code: 'model-corrupt',
      message: expect.stringContaining("onnx/model_quantized.onnx failed its check against Loupe's catalogue (expected sha256"),
    });
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
    const { fetchFn } = fakeMirror({ serve: { 'config.json': FILES['config.json']!, 'tokenizer.json': FILES['tokenizer.json']! } });
    await expect(downloadModel(entry(), { mirror: MIRROR, dtype: 'q8', cache, fetch: fetchFn })).rejects.toThrow(
      /model_quantized\.onnx answered HTTP 404.*check the model mirror in Options/,
    );
    expect(cache.urls()).toEqual([]);
  });

  it('refuses a file of the wrong size when the catalogue records sizes', async () => {
    const short = { ...FILES, 'tokenizer.json': new TextEncoder().encode('{}') };
    await expect(
      downloadModel(entry({ sizes: true }), {
        mirror: MIRROR,
        dtype: 'q8',
        cache: memoryModelCache(),
        fetch: fakeMirror({ serve: short }).fetchFn,
      }),
    ).rejects.toThrow(/tokenizer\.json failed its check against Loupe's catalogue \(expected 12 bytes, got 2 bytes\)/);
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
