import ort from 'onnxruntime-node';
import type { Tensor } from '../../../shared/lite/tensor-runner';
import type { WireFeeds } from '../../../extension/engine/tensor-codec';
import { bundledModelPath } from '../../../extension/engine/bundled-model-url';
import { ROOT } from './paths';

export interface BundledModelCase {
  modelId: string;
  /** The model file in this checkout (what the build copied into the extension). */
  file: string;
  feeds: Record<string, Tensor>;
}

/** Deterministic feature ids in [1, buckets), as the lite pipelines hash them. */
function featureIds(count: number, buckets: number): BigInt64Array {
  return BigInt64Array.from({ length: count }, (_, i) => BigInt((i * 7919 + 13) % (buckets - 1)) + 1n);
}

/** Inputs shaped as the entity tagger and bias classifier pipelines send them (see shared/lite). */
export function bundledModelCases(): BundledModelCase[] {
  const file = (id: string) => `${ROOT}models/lite/${bundledModelPath(id).replace(/^\/models\/lite\//, '')}`;
  return [
    {
      modelId: 'lite/entities@2',
      file: file('lite/entities@2'),
      feeds: { feature_ids: { type: 'int64', dims: [3, 34], data: featureIds(3 * 34, 262_144) } },
    },
    {
      modelId: 'lite/bias@1',
      file: file('lite/bias@1'),
      feeds: {
        feature_ids: { type: 'int64', dims: [2, 16], data: featureIds(2 * 16, 2048) },
        feature_values: { type: 'float32', dims: [2, 16], data: Float32Array.from({ length: 32 }, (_, i) => (i % 5) / 4) },
      },
    },
  ];
}

export function wireFeeds(feeds: Record<string, Tensor>): WireFeeds {
  return Object.fromEntries(Object.entries(feeds).map(([name, t]) => [
    name,
    { type: t.type, dims: [...t.dims], base64: Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength).toString('base64') },
  ]));
}

/** The reference: the same file and feeds through onnxruntime-node on CPU. */
export async function runInNode(file: string, feeds: Record<string, Tensor>): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(file);
  try {
    const inputs = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(t.type, t.data, [...t.dims])]));
    return await session.run(inputs);
  } finally {
    await session.release();
  }
}
