// The only module in daemon/ that imports onnxruntime-node (the lite models and OCR both run
// through it); the full tier reaches the runtime through transformers.js instead.
import { access } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import type { Tensor, TensorRunner } from '../../shared/lite/tensor-runner';
import { LoupeError } from '../../shared/protocol/errors';
import type { Logger } from '../logger';

export interface OrtNodeRunnerOptions {
  /** ONNX file of each model, by the id the pipelines pass to `run` (a `@version` suffix is ignored). */
  models: Record<string, string>;
  /** Default `['cpu']`; the first one names the backend shown in provenance. */
  executionProviders?: readonly string[];
  /** Threads per session; default: onnxruntime's (all cores). */
  intraOpNumThreads?: number;
  logger?: Logger;
  /** What to tell the user when a model's file is missing or unreadable. */
  fixFor?: (modelId: string) => string;
}

/** A TensorRunner over onnxruntime-node whose sessions can be opened ahead of use and freed. */
export interface OrtNodeRunner extends TensorRunner {
  /** Opens the model's session now rather than on its first run. */
  load(modelId: string): Promise<void>;
  release(): Promise<void>;
}

interface Slot {
  session: Promise<ort.InferenceSession> | null;
  /** Runs on one session are serialised; different models run side by side. */
  queue: Promise<unknown>;
}

/** Restoring from git or retraining is the fix for Loupe's own lite models (`lite/<name>`). */
export function liteModelFix(modelId: string): string {
  const name = modelId.replace(/^lite\//, '').replace(/@\d+$/, '');
  return `restore it with \`git checkout models/lite/${name}\` or rebuild it with \`npm run train -- ${name}\``;
}

/**
 * A TensorRunner over onnxruntime-node: one session per model, opened lazily on first use
 * (a failed open is retried next time, so fixing the file needs no restart), runs serialised
 * per session. Missing files are `model-missing`, files onnxruntime cannot open `model-corrupt`,
 * both naming the fix.
 */
export function createOrtNodeRunner(options: OrtNodeRunnerOptions): OrtNodeRunner {
  const providers = options.executionProviders ?? ['cpu'];
  const fixFor = options.fixFor ?? liteModelFix;
  const slots = new Map<string, Slot>();
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    executionProviders: providers,
    graphOptimizationLevel: 'all',
    ...(options.intraOpNumThreads ? { intraOpNumThreads: options.intraOpNumThreads } : {}),
  };

  const resolve = (requested: string): { id: string; path: string } => {
    const id = requested in options.models ? requested : requested.replace(/@\d+$/, '');
    const path = options.models[id];
    if (path === undefined) {
      throw new LoupeError('internal', `No ONNX file for model "${requested}"; this runner serves ${Object.keys(options.models).join(', ')}.`);
    }
    return { id, path };
  };

  const acquire = (requested: string): { slot: Slot; session: Promise<ort.InferenceSession> } => {
    const { id, path } = resolve(requested);
    const slot = slots.get(id) ?? { session: null, queue: Promise.resolve() };
    slots.set(id, slot);
    if (!slot.session) {
      const opening = openSession(id, path, sessionOptions, fixFor, options.logger);
      slot.session = opening;
      opening.catch(() => { if (slot.session === opening) slot.session = null; });
    }
    return { slot, session: slot.session };
  };

  return {
    backend: typeof providers[0] === 'string' ? providers[0] : 'cpu',
    async load(modelId) {
      await acquire(modelId).session;
    },
    run(modelId, feeds) {
      let slot: Slot;
      let session: Promise<ort.InferenceSession>;
      try {
        ({ slot, session } = acquire(modelId));
      } catch (error) {
        return Promise.reject(error);
      }
      const result = slot.queue.then(async () => {
        const inputs = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(t.type, t.data, [...t.dims])]));
        const outputs = await (await session).run(inputs);
        return Object.fromEntries(Object.entries(outputs).map(([name, t]) => [name, fromOrt(modelId, name, t, fixFor)]));
      });
      slot.queue = result.catch(() => undefined);
      return result;
    },
    async release() {
      const open = [...slots.values()];
      slots.clear();
      await Promise.all(open.map(async (slot) => {
        await slot.queue;
        const session = await slot.session?.catch(() => null);
        await session?.release();
      }));
    },
  };
}

async function openSession(
  id: string,
  path: string,
  sessionOptions: ort.InferenceSession.SessionOptions,
  fixFor: (modelId: string) => string,
  logger: Logger | undefined,
): Promise<ort.InferenceSession> {
  try {
    await access(path);
  } catch (error) {
    throw new LoupeError('model-missing', `Model ${id} not found at ${path} — ${fixFor(id)}.`, { cause: error });
  }
  const began = performance.now();
  try {
    const session = await ort.InferenceSession.create(path, sessionOptions);
    logger?.debug(`opened ${id} (${path}) in ${Math.round(performance.now() - began)} ms`);
    return session;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LoupeError('model-corrupt', `Model ${id} at ${path} cannot be opened by onnxruntime (${reason}) — ${fixFor(id)}.`, { cause: error });
  }
}

function fromOrt(modelId: string, name: string, tensor: ort.Tensor, fixFor: (modelId: string) => string): Tensor {
  const { data, dims } = tensor;
  if (data instanceof Float32Array) return { type: 'float32', data, dims };
  if (data instanceof Int32Array) return { type: 'int32', data, dims };
  if (data instanceof BigInt64Array) return { type: 'int64', data, dims };
  throw new LoupeError('model-corrupt', `Model ${modelId} returned output "${name}" as ${tensor.type}, which Loupe does not read — ${fixFor(modelId)}.`);
}
