import { describe, expect, it } from 'vitest';
import { aggregateEntities } from '../../../shared/full/aggregate-entities';
import { alignTokenTags } from '../../../shared/full/align-token-tags';
import type { TokenTag } from '../../../shared/full/full-runtime';

const tags = (...rows: [string, string][]): TokenTag[] => rows.map(([word, entity], i) => ({ word, entity, score: 0.9, index: i + 1 }));

describe('alignTokenTags + aggregateEntities', () => {
  it('glues ## pieces into one entity whose text slices the input', () => {
    const text = 'Angela Merkel spoke.';
    const entities = aggregateEntities(
      text,
      alignTokenTags(text, tags(['Angela', 'B-PER'], ['Mer', 'I-PER'], ['##kel', 'I-PER'], ['spoke', 'O'], ['.', 'O'])),
    );
    expect(entities).toEqual([{ start: 0, end: 13, text: 'Angela Merkel', type: 'PER', score: 0.9, source: 'model' }]);
  });

  it('maps a repeated word to each of its own occurrences', () => {
    const text = 'Paris, then Paris again.';
    const found = aggregateEntities(
      text,
      alignTokenTags(text, tags(['Paris', 'B-LOC'], [',', 'O'], ['then', 'O'], ['Paris', 'B-LOC'], ['again', 'O'])),
    );
    expect(found.map((e) => e.start)).toEqual([0, 12]);
  });

  it('skips over a word the pipeline dropped as [UNK] and still finds what follows', () => {
    const text = 'To Zürich with Kofi.';
    const withGap: TokenTag[] = [
      { word: 'To', entity: 'O', score: 0.9, index: 1 },
      { word: 'with', entity: 'O', score: 0.9, index: 3 },
      { word: 'Kofi', entity: 'B-PER', score: 0.9, index: 4 },
    ];
    expect(aggregateEntities(text, alignTokenTags(text, withGap)).map((e) => e.text)).toEqual(['Kofi']);
  });

  it('matches lowercased, accent-stripped tokens of an uncased model to the original text', () => {
    const text = 'Visit São Paulo now.';
    const found = aggregateEntities(text, alignTokenTags(text, tags(['visit', 'O'], ['sao', 'B-LOC'], ['paulo', 'I-LOC'], ['now', 'O'])));
    expect(found.map((e) => e.text)).toEqual(['São Paulo']);
  });

  it('starts a new entity on B-, on I- after O, and on a change of type', () => {
    const text = 'Kofi Annan Paris Berlin met Nations';
    const found = aggregateEntities(
      text,
      alignTokenTags(
        text,
        tags(['Kofi', 'B-PER'], ['Annan', 'I-PER'], ['Paris', 'I-LOC'], ['Berlin', 'B-LOC'], ['met', 'O'], ['Nations', 'I-ORG']),
      ),
    );
    expect(found.map((e) => [e.text, e.type])).toEqual([
      ['Kofi Annan', 'PER'],
      ['Paris', 'LOC'],
      ['Berlin', 'LOC'],
      ['Nations', 'ORG'],
    ]);
  });
});
