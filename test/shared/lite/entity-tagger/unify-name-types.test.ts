import { describe, expect, it } from 'vitest';
import { unifyNameTypes } from '../../../../shared/lite/entity-tagger/unify-name-types';
import type { Entity } from '../../../../shared/protocol/results';

const mention = (text: string, type: Entity['type'], score: number, source: Entity['source'] = 'model'): Entity => ({
  start: 0,
  end: text.length,
  text,
  type,
  score,
  source,
});

describe('unifyNameTypes: one type per name across a page analysed in parts', () => {
  it('gives every mention the type with the most confidence over all of them', () => {
    const found = unifyNameTypes([
      mention('Izuku', 'PER', 0.9),
      mention('Izuku', 'LOC', 0.6),
      mention("IZUKU's", 'PER', 0.8),
      mention('Quirk', 'LOC', 0.4),
    ]);
    expect(found.map((e) => e.type)).toEqual(['PER', 'PER', 'PER', 'LOC']);
  });

  it('leaves pattern entities and figures alone', () => {
    const found = unifyNameTypes([
      mention('Friday', 'DATE', 0.9, 'pattern'),
      mention('Black Friday', 'MISC', 0.9, 'pattern'),
      mention('Black Friday', 'LOC', 0.95),
    ]);
    expect(found.map((e) => e.type)).toEqual(['DATE', 'MISC', 'LOC']);
  });
});
