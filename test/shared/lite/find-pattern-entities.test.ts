import { describe, expect, it } from 'vitest';
import { findPatternEntities } from '../../../shared/lite/find-pattern-entities';
import { assertSpansSliceText } from './assert-spans-slice-text';

const found = (text: string) => findPatternEntities(text).map((e) => [e.type, e.text]);

describe('findPatternEntities', () => {
  it.each([
    ['Bids open on 12 March 2024.', [['DATE', '12 March 2024']]],
    [
      'Bids open March 12, 2024 at 3:30 p.m.',
      [
        ['DATE', 'March 12, 2024'],
        ['TIME', '3:30 p.m.'],
      ],
    ],
    [
      'Filed 2024-03-12 and 3/4/24.',
      [
        ['DATE', '2024-03-12'],
        ['DATE', '3/4/24'],
      ],
    ],
    [
      'We met last Tuesday at 9am.',
      [
        ['DATE', 'last Tuesday'],
        ['TIME', '9am'],
      ],
    ],
    [
      'It cost $5 million, €20 and 5 dollars.',
      [
        ['MONEY', '$5 million'],
        ['MONEY', '€20'],
        ['MONEY', '5 dollars'],
      ],
    ],
    ['A US$3.5 billion deal.', [['MONEY', 'US$3.5 billion']]],
    [
      'Turnout rose 12% or 4.5 percentage points.',
      [
        ['PERCENT', '12%'],
        ['PERCENT', '4.5 percentage points'],
      ],
    ],
    ['It is 2.4 km long.', [['QUANTITY', '2.4 km']]],
    [
      'Mail seawall@harborpoint.gov or see https://harborpoint.gov/seawall.',
      [
        ['EMAIL', 'seawall@harborpoint.gov'],
        ['URL', 'https://harborpoint.gov/seawall'],
      ],
    ],
    ['Built in the 1990s.', [['DATE', '1990s']]],
    [
      'Black Friday deals start on Thanksgiving.',
      [
        ['MISC', 'Black Friday'],
        ['MISC', 'Thanksgiving'],
      ],
    ],
    [
      'Prices surged during Hurricane Sandy, and again when Typhoon Haiyan hit. Hurricane Hits Florida Coast. The Atlantic Hurricane Season starts. Florida Braces as Hurricane Nears',
      [
        ['MISC', 'Hurricane Sandy'],
        ['MISC', 'Typhoon Haiyan'],
      ],
    ],
    [
      "He fought at the Second Battle of Bull Run and the Battle of Sayler's Creek; the battle of wits went on.",
      [
        ['MISC', 'Second Battle of Bull Run'],
        ['MISC', "Battle of Sayler's Creek"],
      ],
    ],
    ['Tariffs Spark War of Words Over Steel', []],
    ['After the Battle of Britain Churchill spoke; the Siege of Port Arthur ended.', [['MISC', 'Siege of Port Arthur']]],
    [
      'The Treaty of Versailles came a century after the War of 1812.',
      [
        ['MISC', 'Treaty of Versailles'],
        ['MISC', 'War of 1812'],
      ],
    ],
    [
      "Shops close on New Year's Day and during Ramadan.",
      [
        ['MISC', "New Year's Day"],
        ['MISC', 'Ramadan'],
      ],
    ],
    [
      'Tickets for the World Cup went on sale last Friday.',
      [
        ['MISC', 'World Cup'],
        ['DATE', 'last Friday'],
      ],
    ],
  ])('finds the entities in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'May I help? She may visit.',
    'The vote was 6-3 and they march on.',
    'Call 555 0199 now.',
    'The holiday season and the Holiday Inn.',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('never overlaps, sorts by start and marks its source', () => {
    const text = 'On Friday, 3 May 2024, 12% of $40 million went to www.harbor.gov.';
    const entities = findPatternEntities(text);
    assertSpansSliceText(text, entities);
    expect(entities.map((e) => e.text)).toEqual(['Friday, 3 May 2024', '12%', '$40 million', 'www.harbor.gov']);
    expect(entities.every((e) => e.source === 'pattern')).toBe(true);
  });
});
