import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { createOnnxSessionRunner } from '../../../shared/lite/onnx-session-runner';
import type { TensorRunner } from '../../../shared/lite/tensor-runner';

/**
 * The lite models' ONNX runner on onnxruntime-web's WASM backend, run in Node, to check that the
 * lite tagger gives the extension (onnxruntime-web) exactly what the daemon (onnxruntime-node) gets.
 */
export function createOrtWebRunner(modelFiles: Record<string, string>): TensorRunner {
  ort.env.wasm.numThreads = 1;
  return createOnnxSessionRunner({
    locate(modelId) {
      const path = modelFiles[modelId];
      if (!path) throw new Error(`no ONNX file for lite model "${modelId}"`);
      return path;
    },
    open: (path) => ort.InferenceSession.create(readFileSync(path), { executionProviders: ['wasm'] }),
    toTensor: (t) => new ort.Tensor(t.type, t.data, [...t.dims]),
    backend: () => 'wasm',
    fixFor: (modelId) => `retrain ${modelId}`,
  });
}
