import { describe, expect, it } from 'vitest';
import { groupEntities } from '../../../extension/lib/group-entities';
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

  it('counts a surname alone as a mention of the one person whose full name ends in it', () => {
    const groups = groupEntities([
      e('Elena Marsh', 'PER', 0),
      e('Amara Okafor', 'PER', 20),
      e('Marsh', 'PER', 40),
      e('Okafor', 'PER', 60),
      e('Tom Okafor', 'PER', 80),
      e('Marsh', 'LOC', 100),
    ]);
    const people = groups.find((g) => g.type === 'PER')!;
    expect(people.entries.map((x) => [x.text, x.mentions.length])).toEqual([
      ['Elena Marsh', 2],
      ['Amara Okafor', 1],
      ['Okafor', 1],
      ['Tom Okafor', 1],
    ]);
    expect(people.entries[0]!.mentions.map((m) => m.start)).toEqual([0, 40]);
    expect(groups.find((g) => g.type === 'LOC')!.entries.map((x) => x.text)).toEqual(['Marsh']);
  });
});
