import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { createOnnxSessionRunner, type OnnxSessionRunner } from '../../../shared/lite/onnx-session-runner';

/** Where the committed lite entity model lives. */
export const ENTITY_MODEL_PATH = fileURLToPath(new URL('../../lite/entities/model.onnx', import.meta.url));
/** Where the committed lite entity tagger config lives. */
export const ENTITY_CONFIG_PATH = fileURLToPath(new URL('../../lite/entities/tagger-config.json', import.meta.url));

/**
 * The lite models' ONNX runner (shared/lite/onnx-session-runner, as in the daemon and the
 * browser) on onnxruntime-node, CPU, one thread, over the given catalogue ids → files: for
 * training, evaluation, tests and benchmarks.
 */
export function createOrtNodeRunner(modelFiles: Record<string, string>): OnnxSessionRunner {
  return createOnnxSessionRunner({
    locate(modelId) {
      const path = modelFiles[modelId] ?? modelFiles[modelId.replace(/@\d+$/u, '')];
      if (!path) throw new Error(`no ONNX file for lite model "${modelId}"; this runner serves ${Object.keys(modelFiles).join(', ')}`);
      return path;
    },
    open: (path) => ort.InferenceSession.create(path, { executionProviders: ['cpu'], graphOptimizationLevel: 'all', intraOpNumThreads: 1 }),
    toTensor: (t) => new ort.Tensor(t.type, t.data, [...t.dims]),
    backend: () => 'cpu',
    fixFor: (modelId) => `retrain it with \`npm run train -- ${modelId.replace(/^lite\//u, '').replace(/@\d+$/u, '')}\``,
  });
}
