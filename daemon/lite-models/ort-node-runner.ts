// The only module in daemon/ that imports onnxruntime-node (the lite models and OCR both run
// through it); the full tier reaches the runtime through transformers.js instead.
import { access } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { createOnnxSessionRunner, type OnnxSessionRunner } from '../../shared/lite/onnx-session-runner';
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
export type OrtNodeRunner = OnnxSessionRunner;

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
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    executionProviders: providers,
    graphOptimizationLevel: 'all',
    ...(options.intraOpNumThreads ? { intraOpNumThreads: options.intraOpNumThreads } : {}),
  };
  const idOf = (requested: string): string => (requested in options.models ? requested : requested.replace(/@\d+$/, ''));
  const backend = typeof providers[0] === 'string' ? providers[0] : 'cpu';
  // The lite models' runner, shared with the browser and training (one session per model,
  // runs serialised per session); here the sessions open files through onnxruntime-node.
  return createOnnxSessionRunner({
    locate(requested) {
      const id = idOf(requested);
      if (options.models[id] === undefined) {
        throw new LoupeError(
          'internal',
          `No ONNX file for model "${requested}"; this runner serves ${Object.keys(options.models).join(', ')}.`,
        );
      }
      return id;
    },
    open: (id) => openSession(id, options.models[id]!, sessionOptions, fixFor, options.logger),
    toTensor: (t) => new ort.Tensor(t.type, t.data, [...t.dims]),
    backend: () => backend,
    fixFor,
  });
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
    throw new LoupeError('model-corrupt', `Model ${id} at ${path} cannot be opened by onnxruntime (${reason}) — ${fixFor(id)}.`, {
      cause: error,
    });
  }
}
