import { describe, expect, it } from 'vitest';
import { mergeEntities } from '../../../shared/lite/merge-entities';
import type { Entity } from '../../../shared/protocol/results';

/** The rule spelled out the slow way: in priority order, keep what overlaps nothing kept. */
function reference(patterns: Entity[], named: Entity[]): Entity[] {
  const order = (list: Entity[]) => [...list].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Entity[] = [];
  for (const e of [...order(patterns), ...order(named)]) if (!kept.some((o) => e.start < o.end && o.start < e.end)) kept.push(e);
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function spans(count: number, seed: number, source: Entity['source']): Entity[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const start = Math.floor(next() * 2000);
    const end = start + Math.floor(next() * 30);
    return { start, end, text: 'x'.repeat(end - start), type: source === 'pattern' ? 'DATE' : 'PER', score: 1, source };
  });
}

describe('mergeEntities', () => {
  it('lets a pattern entity win over an overlapping name, and the longest of overlapping names stay', () => {
    const date = { start: 10, end: 20, text: 'x'.repeat(10), type: 'DATE', score: 1, source: 'pattern' } as const;
    const longName = { start: 0, end: 8, text: 'x'.repeat(8), type: 'PER', score: 1, source: 'model' } as const;
    const shortName = { start: 0, end: 4, text: 'xxxx', type: 'ORG', score: 1, source: 'model' } as const;
    const clash = { start: 15, end: 25, text: 'x'.repeat(10), type: 'LOC', score: 1, source: 'model' } as const;
    expect(mergeEntities([date], [shortName, clash, longName])).toEqual([longName, date]);
  });

  it('keeps exactly what checking every pair would keep, on thousands of random overlapping spans', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const patterns = spans(300, seed, 'pattern');
      const named = spans(1500, seed + 100, 'model');
      expect(mergeEntities(patterns, named)).toEqual(reference(patterns, named));
    }
  });
});
