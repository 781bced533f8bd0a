import { z } from 'zod';
import type { Tensor, TensorData } from '../../shared/lite/tensor-runner';
import { base64ToBytes, bytesToBase64 } from '../lib/base64';

/**
 * A tensor as it crosses `runtime.sendMessage`. Chrome serialises messages as JSON, which turns
 * typed arrays into index-keyed objects and cannot hold BigInt at all, so the raw bytes travel as
 * base64 (little-endian on both sides: it never leaves the machine).
 */
export const WireTensorSchema = z.strictObject({
  type: z.enum(['float32', 'int32', 'int64']),
  dims: z.array(z.number().int().nonnegative()).max(8),
  base64: z.string(),
});
export type WireTensor = z.infer<typeof WireTensorSchema>;

export const WireFeedsSchema = z.record(z.string().min(1), WireTensorSchema);
export type WireFeeds = z.infer<typeof WireFeedsSchema>;

const BYTES_PER_ELEMENT = { float32: 4, int32: 4, int64: 8 } as const;

export function encodeTensor(tensor: Tensor): WireTensor {
  const { data } = tensor;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { type: tensor.type, dims: [...tensor.dims], base64: bytesToBase64(bytes) };
}

/** Rebuilds a tensor; throws when the byte count does not match its type and dims. */
export function decodeTensor(wire: WireTensor): Tensor {
  const bytes = base64ToBytes(wire.base64);
  const elements = wire.dims.reduce((n, d) => n * d, 1);
  if (bytes.length !== elements * BYTES_PER_ELEMENT[wire.type]) {
    throw new Error(`tensor of dims [${wire.dims.join(', ')}] needs ${elements} ${wire.type} values, got ${bytes.length} bytes`);
  }
  const data: TensorData =
    wire.type === 'float32'
      ? new Float32Array(bytes.buffer)
      : wire.type === 'int32'
        ? new Int32Array(bytes.buffer)
        : new BigInt64Array(bytes.buffer);
  return { type: wire.type, dims: wire.dims, data };
}

export function encodeFeeds(feeds: Record<string, Tensor>): WireFeeds {
  return Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, encodeTensor(t)]));
}

export function decodeFeeds(feeds: WireFeeds): Record<string, Tensor> {
  return Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, decodeTensor(t)]));
}
