import { describe, expect, it } from 'vitest';
import { orderLines } from '../../../../shared/lite/ocr/order-lines';

const line = (text: string, x: number, y: number) => ({ text, score: 0.9, box: { x, y, width: 80, height: 20 } });

describe('orderLines', () => {
  it('reads rows top to bottom and boxes within a row left to right', () => {
    const result = orderLines([line('below', 0, 50), line('right', 100, 3), line('left', 0, 0)]);
    expect(result.text).toBe('left right\nbelow');
    expect(result.lines.map((l) => l.text)).toEqual(['left', 'right', 'below']);
  });

  it('reads nothing from no lines', () => {
    expect(orderLines([])).toEqual({ text: '', lines: [] });
  });
});
