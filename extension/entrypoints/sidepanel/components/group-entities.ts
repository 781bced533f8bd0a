import type { Entity, EntityType } from '../../../../shared/protocol/results';

export interface EntityGroup {
  type: EntityType;
  entries: Array<{ key: string; text: string; mentions: Entity[] }>;
}

/** Groups mentions by type, then by name (case- and space-insensitive), most mentioned first. */
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
  return [...groups].map(([type, byName]) => ({
    type,
    entries: [...byName.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.text.localeCompare(b.text)),
  }));
}
