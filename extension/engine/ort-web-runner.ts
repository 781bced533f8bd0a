// The only module that imports onnxruntime-web. The build resolves it with the
// `onnxruntime-web-use-extern-wasm` condition (wxt.config.ts hooks), so the runtime's .wasm is
// not bundled: it is loaded from /ort/ in the extension, where the build copies one copy of it.
import * as ort from 'onnxruntime-web';
import { browser } from 'wxt/browser';
import { LoupeError } from '../../shared/protocol/errors';
import type { Tensor, TensorRunner } from '../../shared/lite/tensor-runner';
import { detectBackend, type DetectedBackend, type GpuLike } from './detect-backend';
import type { EngineDevice } from './engine-protocol';
import { bundledModelUrl } from './bundled-model-url';
import { loadModelBytes } from './load-model-bytes';

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

interface LoadedSession {
  readonly session: ort.InferenceSession;
  /** Runs on one session are serialised: ORT web sessions are not re-entrant. */
  queue: Promise<unknown>;
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
  const sessions = new Map<string, Promise<LoadedSession>>();
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

  async function createSession(url: string): Promise<LoadedSession> {
    const bytes = await loadModelBytes(url);
    const chosen = await decide();
    if (chosen.backend === 'webgpu') {
      try {
        return { session: await ort.InferenceSession.create(bytes, { executionProviders: ['webgpu'] }), queue: Promise.resolve() };
      } catch (error) {
        // WebGPU can hold an adapter yet fail to start (lost device, missing features): fall
        // back for every later model too, and keep the reason visible.
        device = { backend: 'wasm', reason: `WebGPU failed to start a session (${errorText(error)}); using WebAssembly` };
      }
    }
    try {
      return { session: await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] }), queue: Promise.resolve() };
    } catch (error) {
      throw new LoupeError('model-corrupt', `The model file ${url} could not be loaded (${errorText(error)}): reinstall or rebuild the extension (npm run build).`, { cause: error });
    }
  }

  function sessionFor(url: string): Promise<LoadedSession> {
    let loaded = sessions.get(url);
    if (!loaded) {
      loaded = createSession(url);
      // A failed load is not cached: the user may rebuild and retry without reloading.
      loaded.catch(() => sessions.delete(url));
      sessions.set(url, loaded);
    }
    return loaded;
  }

  async function runModelAt(url: string, feeds: Record<string, Tensor>): Promise<Record<string, Tensor>> {
    const loaded = await sessionFor(url);
    const run = loaded.queue.then(async () => {
      const ortFeeds = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, toOrtTensor(t)]));
      const outputs = await loaded.session.run(ortFeeds);
      return Object.fromEntries(Object.entries(outputs).map(([name, t]) => [name, fromOrtTensor(name, t)]));
    });
    loaded.queue = run.catch(() => undefined);
    return run;
  }

  return {
    get backend() { return device.backend; },
    get reason() { return device.reason; },
    async engineInfo() {
      await decide();
      return { backend: device.backend, reason: device.reason };
    },
    runModelAt,
    run: (modelId, feeds) => runModelAt(resolveModelUrl(modelId), feeds),
  };
}

function toOrtTensor(tensor: Tensor): ort.Tensor {
  return new ort.Tensor(tensor.type, tensor.data, tensor.dims);
}

/** Copies an output back into the runner's tensor shape; only the lite pipelines' types pass. */
function fromOrtTensor(name: string, tensor: ort.Tensor): Tensor {
  const dims = [...tensor.dims];
  switch (tensor.type) {
    case 'float32': return { type: 'float32', dims, data: tensor.data as Float32Array };
    case 'int32': return { type: 'int32', dims, data: tensor.data as Int32Array };
    case 'int64': return { type: 'int64', dims, data: tensor.data as BigInt64Array };
    default:
      throw new LoupeError('internal', `Model output "${name}" has type ${tensor.type}; lite models output float32, int32 or int64.`);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
