import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import type { Tensor, TensorRunner } from '../../../shared/lite/tensor-runner';

/** Where the committed lite entity model lives. */
export const ENTITY_MODEL_PATH = fileURLToPath(new URL('../../lite/entities/model.onnx', import.meta.url));
/** Where the committed lite entity tagger config lives. */
export const ENTITY_CONFIG_PATH = fileURLToPath(new URL('../../lite/entities/tagger-config.json', import.meta.url));

/**
 * A minimal TensorRunner over onnxruntime-node (CPU) for training, evaluation, tests and
 * benchmarks. The daemon gets its own production runner; this one only maps catalogue ids to
 * files, loads each session once, and serialises runs per session.
 */
export function createOrtNodeRunner(modelFiles: Record<string, string>): TensorRunner {
  const sessions = new Map<string, Promise<ort.InferenceSession>>();
  let queue: Promise<unknown> = Promise.resolve();
  const sessionFor = (modelId: string) => {
    const path = modelFiles[modelId];
    if (!path) throw new Error(`no ONNX file for lite model "${modelId}"; known: ${Object.keys(modelFiles).join(', ')}`);
    let session = sessions.get(modelId);
    if (!session) {
      session = ort.InferenceSession.create(path, { executionProviders: ['cpu'], intraOpNumThreads: 1 });
      sessions.set(modelId, session);
    }
    return session;
  };
  return {
    backend: 'cpu',
    run(modelId, feeds) {
      const result = queue.then(async () => {
        const session = await sessionFor(modelId);
        const inputs = Object.fromEntries(
          Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(t.type, t.data, [...t.dims])]),
        );
        const outputs = await session.run(inputs);
        return Object.fromEntries(Object.entries(outputs).map(([name, t]) => [name, toTensor(name, t)]));
      });
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

function toTensor(name: string, value: ort.Tensor): Tensor {
  const { data, dims } = value;
  if (data instanceof Float32Array) return { type: 'float32', data, dims };
  if (data instanceof Int32Array) return { type: 'int32', data, dims };
  if (data instanceof BigInt64Array) return { type: 'int64', data, dims };
  throw new Error(`output "${name}" has unsupported type ${value.type}`);
}
