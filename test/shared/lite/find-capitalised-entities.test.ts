import { describe, expect, it } from 'vitest';
import { findCapitalisedEntities } from '../../../shared/lite/find-capitalised-entities';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { articleText } from './article-text';
import { assertSpansSliceText } from './assert-spans-slice-text';

const entities = (text: string) => findCapitalisedEntities(text, segmentSentences(text));
const typed = (text: string) => entities(text).map((e) => [e.type, e.text]);

describe('findCapitalisedEntities', () => {
  it('types names by title, suffix and place cues', () => {
    expect(typed('Yesterday Mayor Elena Marsh visited Northfield University in Port Averill with the Bank of England.')).toEqual([
      ['PER', 'Elena Marsh'],
      ['ORG', 'Northfield University'],
      ['LOC', 'Port Averill'],
      ['ORG', 'Bank of England'],
    ]);
  });

  it('skips a capitalised sentence opener unless the word recurs or speaks', () => {
    expect(typed('Residents met. Critics left.')).toEqual([]);
    expect(typed('Dr. Amara Okafor spoke. Okafor said more. Okafor left.').map(([type]) => type)).toEqual(['PER', 'PER', 'PER']);
  });

  it('knows countries and continents, and keeps titles and months out of names', () => {
    expect(typed('Exports to France and Asia fell in March, said President Ana Ruiz.')).toEqual([
      ['LOC', 'France'],
      ['LOC', 'Asia'],
      ['PER', 'Ana Ruiz'],
    ]);
  });

  it('finds the people, organisations and places of the news fixture', () => {
    const text = articleText('news-article.html');
    const found = entities(text);
    assertSpansSliceText(text, found);
    const pairs = found.map((e) => `${e.type} ${e.text}`);
    for (const expected of [
      'ORG Harbor Point Council',
      'PER Elena Marsh',
      'PER Victor Reyes',
      'PER Amara Okafor',
      'ORG Northfield University',
      "ORG Tidewater Fishermen's Association",
      'LOC Averill River',
      'LOC Pell Harbor',
    ]) {
      expect(pairs).toContain(expected);
    }
    expect(found.every((e) => e.source === 'heuristic' && e.score < 0.7)).toBe(true);
  });

  it('ignores title-case headlines unless their names recur in the body', () => {
    expect(typed('Harbor Council Approves Bold Seawall Plan\nThe plan passed.')).toEqual([]);
  });
});
