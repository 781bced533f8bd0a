import { describe, expect, it } from 'vitest';
import { groupEntities } from '../../../extension/entrypoints/sidepanel/components/group-entities';
import type { Entity } from '../../../shared/protocol/results';

const e = (text: string, type: Entity['type'], start: number): Entity => ({
  text,
  type,
  start,
  end: start + text.length,
  score: 1,
  source: 'heuristic',
});

describe('groupEntities', () => {
  it('groups by type and counts every mention of a name, most mentioned first', () => {
    const groups = groupEntities([
      e('Lena Ortiz', 'PER', 0),
      e('Harbor Point', 'LOC', 20),
      e('Sam Lee', 'PER', 40),
      e('lena  ortiz', 'PER', 60),
    ]);
    const people = groups.find((g) => g.type === 'PER')!;
    expect(people.entries.map((x) => [x.text, x.mentions.length])).toEqual([
      ['Lena Ortiz', 2],
      ['Sam Lee', 1],
    ]);
    expect(people.entries[0]!.mentions.map((m) => m.start)).toEqual([0, 60]);
    expect(groups.find((g) => g.type === 'LOC')!.entries).toHaveLength(1);
  });

  it('puts people, organisations and places first, then the rest, whatever the page mentions first', () => {
    const groups = groupEntities([
      e('$5', 'MONEY', 0),
      e('Lowmere', 'LOC', 5),
      e('Acme', 'ORG', 15),
      e('2024', 'DATE', 25),
      e('Ana', 'PER', 30),
      e('Hoovers', 'MISC', 40),
    ]);
    expect(groups.map((g) => g.type)).toEqual(['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'MONEY']);
  });
});
