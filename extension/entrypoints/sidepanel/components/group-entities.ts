import type { Entity, EntityType } from '../../../../shared/protocol/results';

export interface EntityGroup {
  type: EntityType;
  entries: Array<{ key: string; text: string; mentions: Entity[] }>;
}

/** People, organisations, places first, then the other names and the figures: the same on every page. */
export const ENTITY_GROUP_ORDER: readonly EntityType[] = [
  'PER',
  'ORG',
  'LOC',
  'MISC',
  'DATE',
  'TIME',
  'MONEY',
  'PERCENT',
  'QUANTITY',
  'EMAIL',
  'URL',
];

/**
 * Groups mentions by type (in {@link ENTITY_GROUP_ORDER}), then by name (case- and
 * space-insensitive), most mentioned first.
 */
export function groupEntities(items: readonly Entity[]): EntityGroup[] {
  const groups = new Map<EntityType, Map<string, { key: string; text: string; mentions: Entity[] }>>();
  for (const item of items) {
    const key = `${item.type}:${item.text.toLowerCase().replace(/\s+/gu, ' ').trim()}`;
    const byName = groups.get(item.type) ?? new Map();
    groups.set(item.type, byName);
    const entry = byName.get(key) ?? { key, text: item.text, mentions: [] };
    entry.mentions.push(item);
    byName.set(key, entry);
  }
  const rank = (type: EntityType) => {
    const at = ENTITY_GROUP_ORDER.indexOf(type);
    return at < 0 ? ENTITY_GROUP_ORDER.length : at;
  };
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([type, byName]) => ({
      type,
      entries: [...byName.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.text.localeCompare(b.text)),
    }));
}
