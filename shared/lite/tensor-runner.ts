/**
 * The one seam between the lite pipelines and an ONNX runtime. The daemon implements it over
 * onnxruntime-node, the extension over onnxruntime-web; shared/ never imports either, so the
 * pipelines run identically on both.
 */
export type TensorData = Float32Array | Int32Array | BigInt64Array;

export interface Tensor {
  readonly type: 'float32' | 'int32' | 'int64';
  readonly data: TensorData;
  readonly dims: readonly number[];
}

export interface TensorRunner {
  /** Where the networks run (`cpu`, `wasm`, `webgpu`, `cuda`), reported in provenance. */
  readonly backend: string;
  /** Runs lite model `modelId` (a catalogue id such as `lite/entities`) on `feeds`. */
  run(modelId: string, feeds: Record<string, Tensor>): Promise<Record<string, Tensor>>;
}
