import { lowerBound } from '../lower-bound';
import type { Entity } from '../protocol/results';

/**
 * Combines pattern entities (dates, money, URLs...) with named ones (people, places...),
 * sorted by start. Where they overlap the pattern entity wins: its rules are exact.
 * Overlapping named entities keep the first, longest one. O(n log n): a page with tens of
 * thousands of names costs milliseconds.
 */
export function mergeEntities(patterns: readonly Entity[], named: readonly Entity[]): Entity[] {
  // Kept spans never overlap, so sorted by start they are sorted by end too, and a candidate
  // can only overlap the kept spans just before and just after where it would go.
  const kept: Entity[] = [];
  for (const entity of [...sortLongestFirst(patterns), ...sortLongestFirst(named)]) {
    const at = lowerBound(kept, (k) => k.start < entity.start);
    const before = kept[at - 1];
    const after = kept[at];
    if (before && before.end > entity.start) continue;
    if (after && after.start < entity.end) continue;
    kept.splice(at, 0, entity);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function sortLongestFirst(entities: readonly Entity[]): Entity[] {
  return [...entities].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
}
