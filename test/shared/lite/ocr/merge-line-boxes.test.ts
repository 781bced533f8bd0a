import { describe, expect, it } from 'vitest';
import { mergeLineBoxes } from '../../../../shared/lite/ocr/merge-line-boxes';

const box = (x: number, y: number, width: number, height = 40, score = 0.9) => ({ x, y, width, height, score });

describe('mergeLineBoxes', () => {
  it('joins overlapping pieces of one line into one box', () => {
    const [line, ...rest] = mergeLineBoxes([box(345, 18, 478, 44), box(18, 19, 149), box(188, 22, 185)]);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ x: 18, y: 18, width: 823 - 18, height: 62 - 18 });
  });

  it('keeps separate lines and far-apart columns apart', () => {
    const boxes = [box(0, 0, 100), box(0, 60, 100), box(300, 0, 100)];
    expect(mergeLineBoxes(boxes)).toHaveLength(3);
  });
});
