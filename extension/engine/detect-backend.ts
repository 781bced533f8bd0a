import type { EngineDevice } from './engine-host-protocol';

/** The slice of WebGPU this module touches (TypeScript's DOM lib has no WebGPU types). */
export interface GpuLike {
  requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string; description?: string } } | null>;
}

export interface DetectedBackend extends EngineDevice {
  /** The adapter to hand to onnxruntime-web, when WebGPU was chosen. */
  readonly adapter?: unknown;
}

/**
 * Picks WebGPU when the browser gives an adapter, WebAssembly otherwise, and says why: users and
 * bug reports need to know why their GPU was not used.
 */
export async function detectBackend(gpu: GpuLike | undefined, preferWebGpu = true): Promise<DetectedBackend> {
  if (!preferWebGpu) return { backend: 'wasm', reason: 'WebGPU turned off in the engine options; using WebAssembly' };
  if (!gpu) return { backend: 'wasm', reason: 'this browser exposes no WebGPU (navigator.gpu is missing); using WebAssembly' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { backend: 'wasm', reason: 'WebGPU gave no adapter (no usable GPU, or it is blocklisted); using WebAssembly' };
    const info = adapter.info;
    const name = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'unnamed adapter';
    return { backend: 'webgpu', reason: `WebGPU adapter: ${name}`, adapter };
  } catch (error) {
    return { backend: 'wasm', reason: `WebGPU adapter request failed (${String(error)}); using WebAssembly` };
  }
}
