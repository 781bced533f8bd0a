import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conllAsText } from '../../../../models/training/entities/conll-as-text';
import { projectLabels } from '../../../../models/training/entities/encode-conll';
import { measureNameConsistency } from '../../../../models/training/entities/name-consistency';
import { readBtc, readWnut } from '../../../../models/training/entities/read-ner-web';
import { splitByHash, splitPartOf } from '../../../../models/training/entities/split-by-hash';
import { BIO_LABELS } from '../../../../shared/lite/entity-tagger/bio-labels';
import { taggerTokens } from '../../../../shared/lite/entity-tagger/tagger-tokens';

// Project-written posts in the sets' formats (token<TAB>label, a blank line between posts).
const dir = mkdtempSync(join(tmpdir(), 'loupe-ner-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'btc'));
writeFileSync(
  join(dir, 'btc', 'a.conll'),
  'thanks\tO\n@\tB-PER\nangela_m\tB-PER\nin\tO\nLisbon\tB-LOC\n\nhi\tO\n@\tB-ORG\nKellerMotors\tI-ORG\n',
);
writeFileSync(join(dir, 'wnut17train.conll'), 'saw\tO\nHarbor\tB-group\nBand\tI-group\nplay\tO\nWaves\tB-creative-work\n');
writeFileSync(join(dir, 'emerging.dev.conll'), 'Tomas\tB-person\nlikes\tO\nOslo\tB-location\n');

describe('the web-text sets', () => {
  it("takes the '@' out of a user name and makes every post its own document", () => {
    const posts = readBtc(dir);
    expect(posts).toHaveLength(2);
    expect(posts[0]![0]!.labels).toEqual(['O', 'O', 'B-PER', 'O', 'B-LOC']);
    expect(posts[1]![0]!.labels).toEqual(['O', 'O', 'B-ORG']);
  });

  it("maps WNUT-17's six types onto the tagger's four", () => {
    expect(readWnut(dir).map((post) => post[0]!.labels)).toEqual([
      ['O', 'B-ORG', 'I-ORG', 'O', 'B-MISC'],
      ['B-PER', 'O', 'B-LOC'],
    ]);
  });

  it('splits by a hash of each document: the same part whatever the order, with about the shares asked', () => {
    const documents = Array.from({ length: 2000 }, (_, i) => [{ tokens: ['post', String(i)], labels: ['O', 'O'] }]);
    const parts = splitByHash(documents, { test: 0.2, dev: 0.1 });
    expect(parts.test.length / 2000).toBeCloseTo(0.2, 1);
    expect(parts.dev.length / 2000).toBeCloseTo(0.1, 1);
    const reversed = splitByHash([...documents].reverse(), { test: 0.2, dev: 0.1 });
    expect(new Set(reversed.test)).toEqual(new Set(parts.test));
    expect(splitPartOf(documents[7]!, { test: 0.2, dev: 0.1 })).toBe(
      splitPartOf([{ tokens: ['post', '7'], labels: ['O', 'O'] }], { test: 0.2, dev: 0.1 }),
    );
  });
});

describe('training on the tagger’s own tokens', () => {
  it('labels each token by the gold name it starts in', () => {
    const page = conllAsText([
      {
        tokens: ['Dr.', 'J.', 'K.', 'Morrow', "'s", 'team', 'in', 'Oslo'],
        labels: ['O', 'B-PER', 'I-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC'],
      },
    ]);
    const tokens = taggerTokens(page.text);
    const labels = Array.from(projectLabels(tokens, page.gold), (id) => BIO_LABELS[id]);
    expect(tokens.map((t, i) => `${t.text}/${labels[i]}`)).toEqual([
      'Dr./O',
      'J./B-PER',
      'K./I-PER',
      'Morrow/I-PER',
      "'s/O",
      'team/O',
      'in/O',
      'Oslo/B-LOC',
    ]);
  });
});

describe('measureNameConsistency', () => {
  it('counts repeated names given more than one type, and names made of interface words', () => {
    const entity = (text: string, type: 'PER' | 'LOC' | 'DATE' | 'ORG') => ({
      start: 0,
      end: text.length,
      text,
      type,
      score: 1,
      source: 'model' as const,
    });
    const result = measureNameConsistency([
      [
        entity('Delhi', 'LOC'),
        entity('Delhi', 'PER'),
        entity('Lisbon', 'LOC'),
        entity("Lisbon's", 'LOC'),
        entity('Friday', 'DATE'),
        entity('Friday', 'DATE'),
      ],
      [entity('Photo', 'ORG'), entity('Delhi', 'LOC')],
    ]);
    expect(result).toMatchObject({ repeated: 2, split: 1, interfaceNames: 1 });
    expect(result.examples).toEqual(['delhi (LOC 1, PER 1)']);
  });
});
