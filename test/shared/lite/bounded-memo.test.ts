import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../shared/lite/bounded-memo';

describe('boundedMemo', () => {
  it('computes a key once, and again only after the memory filled up and started afresh', () => {
    const computed: string[] = [];
    const upper = boundedMemo(2, (key) => {
      computed.push(key);
      return key.toUpperCase();
    });
    expect([upper('a'), upper('a'), upper('b'), upper('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(computed).toEqual(['a', 'b']);
    expect(upper('c')).toBe('C'); // a third key: the memory starts afresh with it
    expect(upper('a')).toBe('A');
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
