import type { Tensor, TensorRunner } from '../../../shared/lite/tensor-runner';

/**
 * The exported graph's arithmetic in plain TypeScript (probability = sigmoid(Σ weight[id] ·
 * value + bias), pad ids past the table count zero), so training can tune thresholds through
 * the very code that runs at inference before any ONNX file exists.
 */
export function createLinearRunner(weights: Float32Array, bias: number): TensorRunner {
  return {
    backend: 'training',
    async run(_modelId, feeds): Promise<Record<string, Tensor>> {
      const ids = feeds.feature_ids!.data as BigInt64Array;
      const values = feeds.feature_values!.data as Float32Array;
      const [rows = 0, width = 0] = feeds.feature_ids!.dims;
      const probability = new Float32Array(rows);
      for (let r = 0; r < rows; r++) {
        let z = bias;
        for (let k = r * width; k < (r + 1) * width; k++) z += (weights[Number(ids[k])] ?? 0) * values[k]!;
        probability[r] = 1 / (1 + Math.exp(-z));
      }
      return { probability: { type: 'float32', data: probability, dims: [rows] } };
    },
  };
}
