import { fileURLToPath } from 'node:url';
import type { TensorRunner } from '../../../shared/lite/tensor-runner';
import { createOrtNodeRunner as createDaemonRunner } from '../../../daemon/lite-models/ort-node-runner';

/** Where the committed lite entity model lives. */
export const ENTITY_MODEL_PATH = fileURLToPath(new URL('../../lite/entities/model.onnx', import.meta.url));
/** Where the committed lite entity tagger config lives. */
export const ENTITY_CONFIG_PATH = fileURLToPath(new URL('../../lite/entities/tagger-config.json', import.meta.url));

/**
 * The daemon's onnxruntime-node runner (CPU, one thread) over the given catalogue ids → files,
 * for training, evaluation, tests and benchmarks.
 */
export function createOrtNodeRunner(modelFiles: Record<string, string>): TensorRunner {
  return createDaemonRunner({ models: modelFiles, intraOpNumThreads: 1 });
}
