import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireTensor } from '../../extension/engine/tensor-codec';
import { sendToEngine } from './helpers/engine-messages';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { bundledModelCases, runInNode, wireFeeds } from './helpers/bundled-models';

// The fixture graph (build-onnx-fixture.ts): doubled = x + x, total = sum(x), ids_out = ids.
const X = [1, 2, 3.5, -0.25];
const IDS = [7n, -3n, 9007199254740993n]; // 2^53 + 1: lost if int64 ever passes through a JS number
const FIXTURE = 'e2e/onnx/identity-sum.onnx';

const float32 = (values: number[]): WireTensor => ({ type: 'float32', dims: [values.length], base64: Buffer.from(Float32Array.from(values).buffer).toString('base64') });
const int64 = (values: bigint[]): WireTensor => ({ type: 'int64', dims: [values.length], base64: Buffer.from(BigInt64Array.from(values).buffer).toString('base64') });
const readFloat32 = (t: WireTensor | undefined) => [...new Float32Array(new Uint8Array(Buffer.from(t?.base64 ?? '', 'base64')).buffer)];
const readInt64 = (t: WireTensor | undefined) => [...new BigInt64Array(new Uint8Array(Buffer.from(t?.base64 ?? '', 'base64')).buffer)];

describe('in-browser ONNX engine in the offscreen document', () => {
  let server: FixtureServer;
  beforeAll(async () => { server = await startFixtureServer(); });
  afterAll(async () => { await server.close(); });

  const backends = [
    { name: 'wasm', webgpu: false, reason: /WebGPU gave no adapter|no WebGPU/ },
    { name: 'webgpu', webgpu: true, reason: /WebGPU adapter/ },
  ] as const;

  for (const { name, webgpu, reason } of backends) {
    it(`runs a model on ${name} and returns exact outputs`, async () => {
      const chromium = await launchWithExtension({ webgpu });
      const info = await sendToEngine(chromium.worker, 'engineInfo', undefined);
      expect(info.err).toBeUndefined();
      expect(info.res?.backend).toBe(name);
      expect(info.res?.reason).toMatch(reason);

      const feeds = { x: float32(X), ids: int64(IDS) };
      const reply = await sendToEngine(chromium.worker, 'runLite', { modelId: 'lite/e2e-fixture', modelUrl: server.url(FIXTURE), feeds });
      expect(reply.err).toBeUndefined();
      expect(reply.res?.device.backend).toBe(name);
      const outputs = reply.res?.outputs ?? {};
      expect(outputs.doubled?.dims).toEqual([4]);
      expect(readFloat32(outputs.doubled)).toEqual([2, 4, 7, -0.5]);
      expect(readFloat32(outputs.total)).toEqual([6.25]);
      expect(outputs.ids_out?.type).toBe('int64');
      expect(readInt64(outputs.ids_out)).toEqual(IDS);
    });
  }

  it('runs the bundled lite models with the same numbers as onnxruntime-node', async () => {
    const chromium = await launchWithExtension();
    for (const { modelId, file, feeds } of bundledModelCases()) {
      const reply = await sendToEngine(chromium.worker, 'runLite', { modelId, feeds: wireFeeds(feeds) });
      expect(reply.err, modelId).toBeUndefined();
      const expected = await runInNode(file, feeds);
      for (const [name, tensor] of Object.entries(expected)) {
        const got = reply.res?.outputs[name];
        expect(got?.dims, `${modelId} ${name}`).toEqual(tensor.dims);
        const values = readFloat32(got);
        (tensor.data as Float32Array).forEach((v, i) => expect(values[i]).toBeCloseTo(v, 4));
      }
    }
  });

  it('tells the user how to fix a missing or corrupt model', async () => {
    const chromium = await launchWithExtension();
    const feeds = { x: float32(X), ids: int64(IDS) };
    const missing = await sendToEngine(chromium.worker, 'runLite', { modelId: 'lite/not-shipped', feeds });
    expect(missing.err?.code).toBe('model-missing');
    expect(missing.err?.message).toContain('npm run build');

    // An HTML page is not an ONNX model.
    const corrupt = await sendToEngine(chromium.worker, 'runLite', { modelId: 'lite/e2e-fixture', modelUrl: server.url('e2e/hostile-page.html'), feeds });
    expect(corrupt.err?.code).toBe('model-corrupt');
    expect(corrupt.err?.message).toContain('npm run build');

    const remote = await sendToEngine(chromium.worker, 'runLite', { modelId: 'lite/e2e-fixture', modelUrl: 'https://example.com/model.onnx', feeds });
    expect(remote.err?.code).toBe('bad-input');
  });
});
