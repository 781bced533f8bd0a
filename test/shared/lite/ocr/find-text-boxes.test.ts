import { describe, expect, it } from 'vitest';
import { findTextBoxes } from '../../../../shared/lite/ocr/find-text-boxes';

function map(width: number, height: number, rects: Array<{ x: number; y: number; w: number; h: number; p: number }>): Float32Array {
  const probs = new Float32Array(width * height);
  for (const r of rects) {
    for (let y = r.y; y < r.y + r.h; y++) probs.fill(r.p, y * width + r.x, y * width + r.x + r.w);
  }
  return probs;
}

describe('findTextBoxes', () => {
  const size = { width: 64, height: 32 };
  const identity = { x: 1, y: 1, maxX: 64, maxY: 32 };

  it('boxes each confident region, grown back by the unclip distance', () => {
    const probs = map(64, 32, [
      { x: 10, y: 4, w: 20, h: 4, p: 0.9 },
      { x: 10, y: 20, w: 30, h: 5, p: 0.8 },
    ]);
    const boxes = findTextBoxes(probs, size, identity);
    expect(boxes).toHaveLength(2);
    const d = (20 * 4 * 1.5) / (2 * 24); // area × ratio / perimeter
    expect(boxes[0]).toMatchObject({ x: 10 - d, y: 4 - d, width: 20 + 2 * d, height: 4 + 2 * d });
    expect(boxes[0]!.score).toBeCloseTo(0.9, 5);
  });

  it('drops faint regions and specks thinner than 3 pixels', () => {
    const probs = map(64, 32, [
      { x: 10, y: 4, w: 20, h: 4, p: 0.45 },
      { x: 10, y: 20, w: 30, h: 2, p: 0.9 },
    ]);
    expect(findTextBoxes(probs, size, identity)).toEqual([]);
  });

  it('scales boxes into source-image pixels and clamps them to the image', () => {
    const probs = map(64, 32, [{ x: 0, y: 10, w: 20, h: 4, p: 0.9 }]);
    const [box] = findTextBoxes(probs, size, { x: 2, y: 2, maxX: 128, maxY: 64 });
    expect(box!.x).toBe(0);
    expect(box!.y).toBeCloseTo((10 - (20 * 4 * 1.5) / 48) * 2, 5);
    expect(box!.x + box!.width).toBeLessThanOrEqual(128);
  });
});
