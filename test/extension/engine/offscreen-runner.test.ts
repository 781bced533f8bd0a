import { describe, expect, it } from 'vitest';
import { createOffscreenRunner } from '../../../extension/engine/offscreen-runner';
import type { OrtWebRunner } from '../../../extension/engine/ort-web-runner';
import { serveEngine } from '../../../extension/entrypoints/offscreen/serve-engine';
import type { Tensor } from '../../../shared/lite/tensor-runner';
import { LoupeError } from '../../../shared/protocol/errors';

type Handler = (message: { data: unknown }) => unknown;

/**
 * The background and the offscreen document linked in memory, passing messages the way Chrome
 * and @webext-core/messaging do: as JSON, with a thrown error rebuilt from its own fields.
 */
function linkedMessenger() {
  const handlers = new Map<string, Handler>();
  return {
    onMessage(type: string, handler: Handler) {
      handlers.set(type, handler);
      return () => { handlers.delete(type); };
    },
    async sendMessage(type: string, data: unknown) {
      const handler = handlers.get(type);
      if (!handler) throw new Error('Could not establish connection. Receiving end does not exist.');
      try {
        return JSON.parse(JSON.stringify((await handler(JSON.parse(JSON.stringify({ data })))) ?? null));
      } catch (error) {
        const { message, ...fields } = error as Error;
        throw Object.assign(new Error(message), fields);
      }
    },
  };
}

/** An engine that doubles `x` and echoes `ids`, on a pretend WebGPU. */
function fakeEngine(): OrtWebRunner & { urls: string[] } {
  const urls: string[] = [];
  const runModelAt = async (url: string, feeds: Record<string, Tensor>) => {
    urls.push(url);
    if (url.includes('missing')) throw new LoupeError('model-missing', `The model file ${url} is missing: reinstall or rebuild the extension (npm run build).`);
    const x = feeds.x!;
    return { y: { type: 'float32' as const, dims: x.dims, data: (x.data as Float32Array).map((v) => v * 2) }, ids: feeds.ids! };
  };
  return {
    urls,
    backend: 'webgpu',
    reason: 'WebGPU adapter: fake',
    engineInfo: async () => ({ backend: 'webgpu', reason: 'WebGPU adapter: fake' }),
    runModelAt,
    run: (modelId, feeds) => runModelAt(`bundled/${modelId}`, feeds),
  };
}

function setUp(modelUrl?: (id: string) => string | undefined) {
  const messenger = linkedMessenger();
  const engine = fakeEngine();
  let documentsEnsured = 0;
  serveEngine(engine, messenger as unknown as Parameters<typeof serveEngine>[1]);
  const runner = createOffscreenRunner({
    messenger: messenger as unknown as NonNullable<Parameters<typeof createOffscreenRunner>[0]>['messenger'],
    ensureDocument: async () => { documentsEnsured += 1; },
    ...(modelUrl ? { modelUrl } : {}),
  });
  return { runner, engine, ensured: () => documentsEnsured };
}

const feeds = {
  x: { type: 'float32' as const, dims: [3], data: Float32Array.from([1, 2.5, -4]) },
  ids: { type: 'int64' as const, dims: [2], data: BigInt64Array.from([1n, 9007199254740993n]) },
};

describe('createOffscreenRunner (Chrome: background → offscreen document)', () => {
  it('starts the engine document, runs the model there and brings exact tensors back', async () => {
    const { runner, engine, ensured } = setUp();
    expect(runner.backend).toBe('wasm');
    const outputs = await runner.run('lite/entities', feeds);
    expect(ensured()).toBe(1);
    expect(engine.urls).toEqual(['bundled/lite/entities']);
    expect(outputs.y).toEqual({ type: 'float32', dims: [3], data: Float32Array.from([2, 5, -8]) });
    expect(outputs.ids?.data).toEqual(feeds.ids.data);
    expect(runner.backend).toBe('webgpu');
    expect(runner.reason).toBe('WebGPU adapter: fake');
  });

  it('rethrows engine errors with their code and fix', async () => {
    const { runner } = setUp(() => 'http://127.0.0.1:9/missing.onnx');
    const error = await runner.run('lite/entities', feeds).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoupeError);
    expect((error as LoupeError).code).toBe('model-missing');
    expect((error as LoupeError).message).toContain('npm run build');
  });

  it('loads models from loopback when asked, and refuses any other URL', async () => {
    const local = setUp(() => 'http://127.0.0.1:8123/entities.onnx');
    await local.runner.run('lite/entities', feeds);
    expect(local.engine.urls).toEqual(['http://127.0.0.1:8123/entities.onnx']);

    const remote = setUp(() => 'https://example.com/entities.onnx');
    const error = await remote.runner.run('lite/entities', feeds).catch((e: unknown) => e);
    expect((error as LoupeError).code).toBe('bad-input');
    expect(remote.engine.urls).toEqual([]);
  });

  it('reports the backend and why', async () => {
    const { runner } = setUp();
    expect(await runner.engineInfo()).toEqual({ backend: 'webgpu', reason: 'WebGPU adapter: fake' });
  });
});
