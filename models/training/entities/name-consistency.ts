import type { Entity } from '../../../shared/protocol/results';
import { INTERFACE_WORDS } from '../../../shared/lite/entity-cues';
import { nameKey } from '../../../shared/lite/entity-tagger/unify-name-types';

const NAME_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** How consistently one page (or many) types its repeated names. */
export interface NameConsistency {
  /** Names (case and a trailing "'s" aside) mentioned twice or more. */
  readonly repeated: number;
  /** Of those, names given more than one type. */
  readonly split: number;
  /** Names made only of interface words ("Photo", "Post Comment"), short forms of a longer name on the page ("Post" of "Washington Post") aside. */
  readonly interfaceNames: number;
  /** A few split names with their types, e.g. `Delhi (LOC 15, PER 11)`. */
  readonly examples: readonly string[];
}

/**
 * Counts the repeated names of each page's entities and how many carry more than one type
 * (PER, ORG, LOC, MISC only: dates and numbers are not names), summed over pages.
 */
export function measureNameConsistency(pages: readonly (readonly Entity[])[], maxExamples = 8): NameConsistency {
  let repeated = 0;
  let split = 0;
  let interfaceNames = 0;
  const examples: string[] = [];
  for (const entities of pages) {
    const byName = new Map<string, Map<string, number>>();
    for (const entity of entities) {
      if (!NAME_TYPES.has(entity.type)) continue;
      const types = byName.get(nameKey(entity.text)) ?? new Map<string, number>();
      types.set(entity.type, (types.get(entity.type) ?? 0) + 1);
      byName.set(nameKey(entity.text), types);
    }
    const furniture = (name: string) =>
      name
        .split(/[^\p{L}]+/u)
        .filter(Boolean)
        .every((word) => INTERFACE_WORDS.has(word));
    const wordsOfLongerNames = new Set(
      [...byName.keys()].filter((name) => name.includes(' ') && !furniture(name)).flatMap((name) => name.split(' ')),
    );
    for (const [name, types] of byName) {
      if (furniture(name) && !(!name.includes(' ') && wordsOfLongerNames.has(name))) interfaceNames++;
      const mentions = [...types.values()].reduce((sum, n) => sum + n, 0);
      if (mentions < 2) continue;
      repeated++;
      if (types.size < 2) continue;
      split++;
      if (examples.length < maxExamples) examples.push(`${name} (${[...types].map(([type, n]) => `${type} ${n}`).join(', ')})`);
    }
  }
  return { repeated, split, interfaceNames, examples };
}
