// The only module that imports onnxruntime-web. The build resolves it with the
// `onnxruntime-web-use-extern-wasm` condition (wxt.config.ts hooks), so the runtime's .wasm is
// not bundled: it is loaded from /ort/ in the extension, where the build copies one copy of it.
import * as ort from 'onnxruntime-web';
import { browser } from 'wxt/browser';
import { LoupeError } from '../../shared/protocol/errors';
import { createOnnxSessionRunner } from '../../shared/lite/onnx-session-runner';
import type { Tensor, TensorRunner } from '../../shared/lite/tensor-runner';
import { detectBackend, type DetectedBackend, type GpuLike } from './detect-backend';
import type { EngineDevice } from './engine-host-protocol';
import { bundledModelUrl } from './bundled-model-url';
import { loadModelBytes } from './load-model-bytes';

const REBUILD_FIX = 'reinstall or rebuild the extension (npm run build)';

export interface OrtWebRunnerOptions {
  /** WebGPU when an adapter exists (default); false forces WebAssembly. */
  preferWebGpu?: boolean;
  /** Where a lite model's file lives; defaults to the copy bundled in the extension. */
  resolveModelUrl?: (modelId: string) => string;
  /** Injected for tests; defaults to `navigator.gpu`. */
  gpu?: GpuLike;
}

export interface OrtWebRunner extends TensorRunner {
  /** `webgpu` or `wasm`; `wasm` until the first session decided otherwise. */
  readonly backend: EngineDevice['backend'];
  /** Why this backend, in words (e.g. "WebGPU gave no adapter..."). */
  readonly reason: string;
  /** Decides the backend (asks WebGPU for an adapter) and reports it. */
  engineInfo(): Promise<EngineDevice>;
  /** Runs the model file at `url` (a bundled model, or one served on loopback). */
  runModelAt(url: string, feeds: Record<string, Tensor>): Promise<Record<string, Tensor>>;
}

function configureRuntime(): void {
  ort.env.wasm.wasmPaths = browser.runtime.getURL('/ort/' as '/');
  // Threads need SharedArrayBuffer, which needs cross-origin isolation; extension pages
  // usually lack it, and asking for threads there only logs a warning and falls back.
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  ort.env.wasm.proxy = false;
}

export function createOrtWebRunner(options: OrtWebRunnerOptions = {}): OrtWebRunner {
  const resolveModelUrl = options.resolveModelUrl ?? bundledModelUrl;
  let device: DetectedBackend = { backend: 'wasm', reason: 'backend not chosen yet (no model has run)' };
  let detection: Promise<DetectedBackend> | undefined;

  function decide(): Promise<DetectedBackend> {
    detection ??= (async () => {
      configureRuntime();
      const gpu = options.gpu ?? (navigator as Navigator & { gpu?: GpuLike }).gpu;
      device = await detectBackend(gpu, options.preferWebGpu ?? true);
      if (device.adapter) ort.env.webgpu.adapter = device.adapter as typeof ort.env.webgpu.adapter;
      return device;
    })();
    return detection;
  }

  async function open(url: string): Promise<ort.InferenceSession> {
    const bytes = await loadModelBytes(url);
    const chosen = await decide();
    if (chosen.backend === 'webgpu') {
      try {
        return await ort.InferenceSession.create(bytes, { executionProviders: ['webgpu'] });
      } catch (error) {
        // WebGPU can hold an adapter yet fail to start (lost device, missing features): fall
        // back for every later model too, and keep the reason visible.
        device = { backend: 'wasm', reason: `WebGPU failed to start a session (${errorText(error)}); using WebAssembly` };
      }
    }
    try {
      return await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    } catch (error) {
      throw new LoupeError('model-corrupt', `The model file ${url} could not be loaded (${errorText(error)}): ${REBUILD_FIX}.`, {
        cause: error,
      });
    }
  }

  const runner = createOnnxSessionRunner({
    locate: resolveModelUrl,
    open,
    toTensor: (t) => new ort.Tensor(t.type, t.data, [...t.dims]),
    backend: () => device.backend,
    fixFor: () => REBUILD_FIX,
    oneRunAtATime: true,
  });

  return {
    get backend() {
      return device.backend;
    },
    get reason() {
      return device.reason;
    },
    async engineInfo() {
      await decide();
      return { backend: device.backend, reason: device.reason };
    },
    runModelAt: (url, feeds) => runner.runAt(url, feeds),
    run: (modelId, feeds) => runner.run(modelId, feeds),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
