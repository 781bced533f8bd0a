import type { Tensor, TensorRunner } from '../../shared/lite/tensor-runner';
import { ErrorCodeSchema, LoupeError } from '../../shared/protocol/errors';
import { checkReply } from '../lib/messaging/validated';
import { engineMessenger, EngineDeviceSchema, RunLiteReplySchema, type EngineDevice } from './engine-protocol';
import { ensureOffscreenDocument } from './ensure-offscreen-document';
import { decodeFeeds, encodeFeeds } from './tensor-codec';

/** The background's handle on the in-browser engine. */
export interface BrowserEngineRunner extends TensorRunner {
  /** `webgpu` or `wasm`: the last backend the engine reported. */
  readonly backend: EngineDevice['backend'];
  readonly reason: string;
  /** Starts the engine if needed and asks it which backend it uses and why. */
  engineInfo(): Promise<EngineDevice>;
}

export interface OffscreenRunnerOptions {
  /** Serve a model from loopback instead of the bundled copy (freshly trained models, e2e). */
  modelUrl?: (modelId: string) => string | undefined;
  /** Injected for tests: how messages reach the engine, and how its document is started. */
  messenger?: Pick<typeof engineMessenger, 'sendMessage'>;
  ensureDocument?: () => Promise<void>;
}

const NOT_STARTED: EngineDevice = { backend: 'wasm', reason: 'the in-browser engine has not started yet' };

/**
 * Chrome: runs lite models in the offscreen document (created on first use), tensors crossing
 * `runtime.sendMessage` as base64. Firefox MV3 has no offscreen API, but its background is an
 * event page with a DOM, so the engine runs right there.
 */
export function createOffscreenRunner(options: OffscreenRunnerOptions = {}): BrowserEngineRunner {
  if (import.meta.env.FIREFOX) return createInPlaceRunner(options);
  const { messenger = engineMessenger, ensureDocument = ensureOffscreenDocument } = options;
  let device = NOT_STARTED;
  return {
    get backend() {
      return device.backend;
    },
    get reason() {
      return device.reason;
    },
    async engineInfo() {
      await ensureDocument();
      const reply = await messenger.sendMessage('engineInfo', undefined).catch(rethrowWireError);
      device = checkReply(EngineDeviceSchema, reply, 'engineInfo');
      return device;
    },
    async run(modelId, feeds) {
      await ensureDocument();
      const request = { modelId, modelUrl: options.modelUrl?.(modelId), feeds: encodeFeeds(feeds) };
      const reply = await messenger.sendMessage('runLite', request).catch(rethrowWireError);
      const { outputs, device: used } = checkReply(RunLiteReplySchema, reply, 'runLite');
      device = used;
      return decodeFeeds(outputs);
    },
  };
}

function createInPlaceRunner(options: OffscreenRunnerOptions): BrowserEngineRunner {
  // Imported lazily so that Chrome's service worker bundle never contains onnxruntime-web.
  const runner = import('./ort-web-runner').then(({ createOrtWebRunner }) => createOrtWebRunner());
  let device = NOT_STARTED;
  return {
    get backend() {
      return device.backend;
    },
    get reason() {
      return device.reason;
    },
    async engineInfo() {
      device = await (await runner).engineInfo();
      return device;
    },
    async run(modelId: string, feeds: Record<string, Tensor>) {
      const engine = await runner;
      const url = options.modelUrl?.(modelId);
      const outputs = url ? await engine.runModelAt(url, feeds) : await engine.run(modelId, feeds);
      device = { backend: engine.backend, reason: engine.reason };
      return outputs;
    },
  };
}

/** @webext-core/messaging rebuilds a plain Error with the thrown error's own fields: keep the code. */
export function rethrowWireError(error: unknown): never {
  const code = ErrorCodeSchema.safeParse((error as { code?: unknown } | null)?.code);
  if (code.success && error instanceof Error) throw new LoupeError(code.data, error.message);
  throw error;
}
