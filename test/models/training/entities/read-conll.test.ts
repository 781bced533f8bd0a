import { describe, expect, it } from 'vitest';
import { conllAsText } from '../../../../models/training/entities/conll-as-text';
import { iob1ToBio, parseConll } from '../../../../models/training/entities/read-conll';

// Project-written lines in the CoNLL-2003 format (token POS chunk NER, IOB1).
const SAMPLE = [
  '-DOCSTART- -X- -X- O',
  '',
  'Angela NNP I-NP I-PER',
  'Morrow NNP I-NP I-PER',
  'met VBD I-VP O',
  'Tomas NNP I-NP I-PER',
  'Okafor NNP I-NP B-PER',
  'in IN I-PP O',
  'Lisbon NNP I-NP I-LOC',
  '. . O O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'Keller NNP I-NP I-ORG',
  'Motors NNPS I-NP I-ORG',
  'rose VBD I-VP O',
  '',
].join('\n');

describe('parseConll', () => {
  it('splits documents at -DOCSTART- and converts IOB1 to BIO', () => {
    const documents = parseConll(SAMPLE);
    expect(documents).toHaveLength(2);
    expect(documents[0]![0]!.labels).toEqual(['B-PER', 'I-PER', 'O', 'B-PER', 'B-PER', 'O', 'B-LOC', 'O']);
    expect(documents[1]![0]!.tokens).toEqual(['Keller', 'Motors', 'rose']);
  });

  it('starts a new entity where IOB1 switches type without a B-', () => {
    expect(iob1ToBio(['I-ORG', 'I-LOC', 'I-LOC', 'O', 'I-MISC'])).toEqual(['B-ORG', 'B-LOC', 'I-LOC', 'O', 'B-MISC']);
  });
});

describe('conllAsText', () => {
  it('rebuilds a document as text whose gold spans slice to the entity words', () => {
    const page = conllAsText(parseConll(SAMPLE)[0]!);
    expect(page.text).toBe('Angela Morrow met Tomas Okafor in Lisbon .');
    expect(page.gold.map((g) => [page.text.slice(g.start, g.end), g.type])).toEqual([
      ['Angela Morrow', 'PER'],
      ['Tomas', 'PER'],
      ['Okafor', 'PER'],
      ['Lisbon', 'LOC'],
    ]);
    expect(page.sentences[0]!.text).toBe(page.text);
  });
});
