import { describe, expect, it } from 'vitest';
import { detectBackend } from '../../../extension/engine/detect-backend';

describe('detectBackend', () => {
  it('uses WebGPU when the browser gives an adapter, naming it', async () => {
    const adapter = { info: { vendor: 'google', architecture: 'swiftshader' } };
    const chosen = await detectBackend({ requestAdapter: async () => adapter });
    expect(chosen).toMatchObject({ backend: 'webgpu', reason: 'WebGPU adapter: google swiftshader' });
    expect(chosen.adapter).toBe(adapter);
  });

  it('falls back to wasm and says why: no WebGPU, no adapter, adapter request failing, turned off', async () => {
    expect(await detectBackend(undefined)).toMatchObject({ backend: 'wasm', reason: expect.stringMatching(/navigator\.gpu is missing/) });
    expect(await detectBackend({ requestAdapter: async () => null })).toMatchObject({
      backend: 'wasm',
      reason: expect.stringMatching(/no adapter/),
    });
    const failing = { requestAdapter: () => Promise.reject(new Error('GPU process crashed')) };
    expect(await detectBackend(failing)).toMatchObject({ backend: 'wasm', reason: expect.stringMatching(/GPU process crashed/) });
    const gpu = { requestAdapter: async () => ({}) };
    expect(await detectBackend(gpu, false)).toMatchObject({ backend: 'wasm', reason: expect.stringMatching(/turned off/) });
  });
});
