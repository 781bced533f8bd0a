import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import type { Tensor, TensorRunner } from '../../../shared/lite/tensor-runner';

/**
 * A TensorRunner over onnxruntime-web's WASM backend, run in Node, to check that the lite
 * tagger gives the extension (onnxruntime-web) exactly what the daemon (onnxruntime-node) gets.
 */
export function createOrtWebRunner(modelFiles: Record<string, string>): TensorRunner {
  ort.env.wasm.numThreads = 1;
  const sessions = new Map<string, Promise<ort.InferenceSession>>();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    backend: 'wasm',
    run(modelId, feeds) {
      const result = queue.then(async () => {
        const path = modelFiles[modelId];
        if (!path) throw new Error(`no ONNX file for lite model "${modelId}"`);
        let session = sessions.get(modelId);
        if (!session) {
          session = ort.InferenceSession.create(readFileSync(path), { executionProviders: ['wasm'] });
          sessions.set(modelId, session);
        }
        const inputs = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(t.type, t.data, [...t.dims])]));
        const outputs = await (await session).run(inputs);
        return Object.fromEntries(Object.entries(outputs).map(([name, t]): [string, Tensor] => {
          if (!(t.data instanceof Float32Array)) throw new Error(`output "${name}" is ${t.type}, expected float32`);
          return [name, { type: 'float32', data: t.data, dims: t.dims }];
        }));
      });
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
