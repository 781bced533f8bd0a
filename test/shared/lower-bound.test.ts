import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../shared/lower-bound';

describe('lowerBound', () => {
  it('finds the first item the predicate no longer holds for, at either end too', () => {
    const starts = [2, 5, 5, 9, 14];
    expect(lowerBound(starts, (s) => s < 5)).toBe(1);
    expect(lowerBound(starts, (s) => s <= 5)).toBe(3);
    expect(lowerBound(starts, (s) => s < 0)).toBe(0);
    expect(lowerBound(starts, (s) => s < 100)).toBe(5);
    expect(lowerBound([], () => true)).toBe(0);
  });
});
