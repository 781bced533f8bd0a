import { describe, expect, it } from 'vitest';
import { decodeFeeds, decodeTensor, encodeFeeds, encodeTensor } from '../../../extension/engine/tensor-codec';

describe('tensor codec (tensors crossing runtime.sendMessage)', () => {
  it('round-trips every tensor type through JSON, int64 beyond 2^53 included', () => {
    const feeds = {
      input_ids: { type: 'int64' as const, dims: [1, 3], data: BigInt64Array.from([101n, -1n, 9007199254740993n]) },
      mask: { type: 'int32' as const, dims: [1, 3], data: Int32Array.from([1, 1, 0]) },
      logits: { type: 'float32' as const, dims: [3], data: Float32Array.from([0.5, -1e-8, 3.25]) },
    };
    const back = decodeFeeds(JSON.parse(JSON.stringify(encodeFeeds(feeds))));
    expect(back.input_ids?.data).toEqual(feeds.input_ids.data);
    expect(back.mask?.data).toEqual(feeds.mask.data);
    expect(back.logits?.data).toEqual(feeds.logits.data);
    expect(back.input_ids?.dims).toEqual([1, 3]);
  });

  it('encodes only the view, not the whole underlying buffer', () => {
    const whole = Float32Array.from([9, 1, 2, 9]);
    const view = whole.subarray(1, 3);
    expect(decodeTensor(encodeTensor({ type: 'float32', dims: [2], data: view })).data).toEqual(Float32Array.from([1, 2]));
  });

  it('survives tensors larger than one encoding chunk', () => {
    const data = Float32Array.from({ length: 50_000 }, (_, i) => i / 7);
    expect(decodeTensor(encodeTensor({ type: 'float32', dims: [50_000], data })).data).toEqual(data);
  });

  it('refuses a tensor whose bytes do not match its dims', () => {
    const wire = encodeTensor({ type: 'float32', dims: [3], data: Float32Array.from([1, 2, 3]) });
    expect(() => decodeTensor({ ...wire, dims: [4] })).toThrow(/needs 4 float32 values, got 12 bytes/);
  });
});
