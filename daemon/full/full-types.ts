/** Where the full tier runs: onnxruntime-node execution providers. */
export const FULL_DEVICES = ['cpu', 'cuda', 'webgpu'] as const;
export type FullDevice = (typeof FULL_DEVICES)[number];

/** Weight formats of the catalogue's exports, by transformers.js's names. */
export type FullDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'q4';

/** The file-name suffix transformers.js loads for each dtype (`onnx/model<suffix>.onnx`). */
export const DTYPE_SUFFIX: Record<FullDtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  q4: '_q4',
};

/** q8 keeps CPU inference fast and small; GPUs run fp16 natively. */
export function defaultDtype(device: FullDevice): FullDtype {
  return device === 'cpu' ? 'q8' : 'fp16';
}
