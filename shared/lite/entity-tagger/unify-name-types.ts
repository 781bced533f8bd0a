import type { Entity, EntityType } from '../../protocol/results';

const NAME_TYPES: ReadonlySet<EntityType> = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** The key two mentions of one name share: lower case, spaces collapsed, a trailing possessive dropped. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/\s*['’]s$/u, '')
    .trim();
}

/**
 * One type per name across entities that were decided in parts (a long page analysed chunk by
 * chunk): every tagged mention of a name takes the type with the highest summed confidence over
 * all its mentions. Pattern entities (dates, named days...) are left as they are.
 */
export function unifyNameTypes(entities: readonly Entity[]): Entity[] {
  const votes = new Map<string, Map<EntityType, number>>();
  const tagged = (entity: Entity) => entity.source !== 'pattern' && NAME_TYPES.has(entity.type);
  for (const entity of entities) {
    if (!tagged(entity)) continue;
    const key = nameKey(entity.text);
    const byType = votes.get(key) ?? new Map<EntityType, number>();
    byType.set(entity.type, (byType.get(entity.type) ?? 0) + entity.score);
    votes.set(key, byType);
  }
  const decided = new Map<string, EntityType>();
  for (const [key, byType] of votes) decided.set(key, [...byType].reduce((best, next) => (next[1] > best[1] ? next : best))[0]);
  return entities.map((entity) => {
    const type = tagged(entity) ? decided.get(nameKey(entity.text)) : undefined;
    return type && type !== entity.type ? { ...entity, type } : entity;
  });
}
