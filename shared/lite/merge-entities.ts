import type { Entity } from '../protocol/results';

/**
 * Combines pattern entities (dates, money, URLs...) with named ones (people, places...),
 * sorted by start. Where they overlap the pattern entity wins: its rules are exact.
 * Overlapping named entities keep the first, longest one.
 */
export function mergeEntities(patterns: readonly Entity[], named: readonly Entity[]): Entity[] {
  const kept: Entity[] = [];
  const byPriority = [
    ...sortLongestFirst(patterns),
    ...sortLongestFirst(named),
  ];
  for (const entity of byPriority) {
    if (!kept.some((other) => entity.start < other.end && other.start < entity.end)) kept.push(entity);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function sortLongestFirst(entities: readonly Entity[]): Entity[] {
  return [...entities].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
}
