import type { EntityType } from '../../shared/protocol/results';

/** What grouping needs of a mention: the panel passes entities, the export its own items. */
export interface NameMention {
  type: EntityType;
  text: string;
}

export interface EntityGroup<M extends NameMention = NameMention> {
  type: EntityType;
  entries: Array<{ key: string; text: string; mentions: M[] }>;
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

type Entry<M extends NameMention> = EntityGroup<M>['entries'][number];

const nameOf = (text: string) => text.toLowerCase().replace(/\s+/gu, ' ').trim();

/**
 * Groups mentions by type (in {@link ENTITY_GROUP_ORDER}), then by name (case- and
 * space-insensitive), most mentioned first, each name's mentions in page order (`items`' order).
 * A surname on its own counts as a mention of the one person on the page whose full name ends
 * in it ("Marsh" after "Elena Marsh").
 */
export function groupEntities<M extends NameMention>(items: readonly M[]): EntityGroup<M>[] {
  const groups = new Map<EntityType, Map<string, Entry<M>>>();
  for (const item of items) {
    const key = `${item.type}:${nameOf(item.text)}`;
    const byName = groups.get(item.type) ?? new Map<string, Entry<M>>();
    groups.set(item.type, byName);
    const entry = byName.get(key) ?? { key, text: item.text, mentions: [] };
    entry.mentions.push(item);
    byName.set(key, entry);
  }
  const people = groups.get('PER');
  if (people) joinSurnames(people, new Map(items.map((item, at) => [item, at])));
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

/**
 * Moves each one-word person's mentions to the full name that ends in that word, when exactly
 * one full name on the page does ("Marsh" → "Elena Marsh"; with "Elena Marsh" and "Tom Marsh"
 * both on the page, "Marsh" stays on its own). Mentions stay in page order.
 */
function joinSurnames<M extends NameMention>(byName: Map<string, Entry<M>>, position: ReadonlyMap<M, number>): void {
  const fullNames = new Map<string, Entry<M>[]>();
  for (const entry of byName.values()) {
    const words = nameOf(entry.text).split(' ');
    if (words.length < 2) continue;
    const surname = words.at(-1)!;
    fullNames.set(surname, [...(fullNames.get(surname) ?? []), entry]);
  }
  for (const [key, entry] of byName) {
    const name = nameOf(entry.text);
    const owners = name.includes(' ') ? [] : (fullNames.get(name) ?? []);
    if (owners.length !== 1) continue;
    const owner = owners[0]!;
    owner.mentions.push(...entry.mentions);
    owner.mentions.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    byName.delete(key);
  }
}
