import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { type BiasClassifierConfig, parseBiasClassifierConfig } from '../../../shared/lite/bias-classifier/bias-classifier-config';
import type { Tensor, TensorRunner } from '../../../shared/lite/tensor-runner';

/**
 * A minimal TensorRunner over onnxruntime-node (CPU, one thread) for training, evaluation,
 * tests and benchmarks of the bias classifier; the daemon has its own production runner.
 * Runs on the one session are serialised.
 */
export function createOrtBiasRunner(modelId: string, modelPath: string): TensorRunner {
  let session: Promise<ort.InferenceSession> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    backend: 'cpu',
    run(id, feeds) {
      if (id !== modelId) return Promise.reject(new Error(`this runner only holds "${modelId}", not "${id}"`));
      const result = queue.then(async () => {
        session ??= ort.InferenceSession.create(modelPath, { executionProviders: ['cpu'], intraOpNumThreads: 1 });
        const inputs = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(t.type, t.data, [...t.dims])]));
        const outputs = await (await session).run(inputs);
        return Object.fromEntries(Object.entries(outputs).map(([name, t]) => [name, toTensor(name, t)]));
      });
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** Reads and validates `dir/classifier-config.json`, naming the fix when it is missing or bad. */
export function readBiasConfig(dir: string): BiasClassifierConfig {
  const path = join(dir, 'classifier-config.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path} (${(error as Error).message}) — restore it from git or retrain with \`npx tsx models/training/bias/train-bias.ts\``);
  }
  const parsed = parseBiasClassifierConfig(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The config and a CPU runner for the bias model in `dir` (default: the committed one). */
export function loadBiasClassifier(dir: string): { config: BiasClassifierConfig; runner: TensorRunner } {
  const config = readBiasConfig(dir);
  return { config, runner: createOrtBiasRunner(config.modelId, join(dir, config.modelFile)) };
}

function toTensor(name: string, value: ort.Tensor): Tensor {
  const { data, dims } = value;
  if (data instanceof Float32Array) return { type: 'float32', data, dims };
  if (data instanceof Int32Array) return { type: 'int32', data, dims };
  if (data instanceof BigInt64Array) return { type: 'int64', data, dims };
  throw new Error(`output "${name}" has unsupported type ${value.type}`);
}
