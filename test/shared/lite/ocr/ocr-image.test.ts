import { describe, expect, it } from 'vitest';
import { toPlanarTensor } from '../../../../shared/lite/ocr/ocr-image';

describe('toPlanarTensor', () => {
  const image = { data: new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255]), width: 2, height: 2, channels: 3 as const };
  const plain = { mean: [0, 0, 0], std: [1, 1, 1] } as const;

  it('lays out blue, green, red planes as PaddleOCR expects', () => {
    const out = toPlanarTensor(image, { x: 0, y: 0, width: 2, height: 2 }, { width: 2, height: 2 }, plain);
    expect([...out.subarray(0, 4)]).toEqual([0, 0, 1, 1]); // blue plane: bottom row is blue
    expect([...out.subarray(8, 12)]).toEqual([1, 1, 0, 0]); // red plane: top row is red
  });

  it('blends neighbours when resizing and applies the normalisation', () => {
    const out = toPlanarTensor(
      image,
      { x: 0, y: 0, width: 2, height: 2 },
      { width: 1, height: 1 },
      { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] },
    );
    expect(out[0]).toBeCloseTo(0, 5); // blue: half the pixels → 0.5 → (0.5 - 0.5) / 0.5
    expect(out[1]).toBeCloseTo(-1, 5); // green: none
  });
});
