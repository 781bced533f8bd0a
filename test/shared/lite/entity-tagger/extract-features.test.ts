import { describe, expect, it } from 'vitest';
import { extractFeatures, FEATURES_PER_TOKEN } from '../../../../shared/lite/entity-tagger/extract-features';
import { feedHash, finishHash, hashFeature, startHash } from '../../../../shared/lite/entity-tagger/hash-feature';
import { taggerTokens } from '../../../../shared/lite/entity-tagger/tagger-tokens';
import { shortShape, wordShape } from '../../../../shared/lite/entity-tagger/word-shape';

const HASHING = { buckets: 1 << 12, seed: 7 };
const DOCUMENT = [
  ['HARBOR', 'POINT', 'COUNCIL', 'VOTES'],
  ['Angela', 'Morrow', 'said', 'the', 'Harbor', 'Point', 'Council', 'met', 'in', 'Lisbon', '.'],
];

describe('extractFeatures', () => {
  it('gives the same ids for the same document every time', () => {
    const a = extractFeatures(DOCUMENT, HASHING);
    const b = extractFeatures(
      DOCUMENT.map((s) => [...s]),
      HASHING,
    );
    expect(a.map((s) => Array.from(s))).toEqual(b.map((s) => Array.from(s)));
    expect(a[1]?.length).toBe(DOCUMENT[1]!.length * FEATURES_PER_TOKEN);
  });

  it('keeps ids inside the table, with the pad row for missing affixes of short words', () => {
    const [headline, body] = extractFeatures(DOCUMENT, HASHING);
    const ids = [...headline!, ...body!];
    expect(ids.every((id) => id >= 0 && id <= HASHING.buckets)).toBe(true);
    const fullStop = body!.slice(10 * FEATURES_PER_TOKEN, 11 * FEATURES_PER_TOKEN);
    expect(Array.from(fullStop)).toContain(HASHING.buckets);
  });

  it('changes with the hash seed, the word and its neighbours', () => {
    const base = extractFeatures(DOCUMENT, HASHING)[1]!;
    expect(Array.from(extractFeatures(DOCUMENT, { ...HASHING, seed: 8 })[1]!)).not.toEqual(Array.from(base));
    const renamed = extractFeatures([DOCUMENT[0]!, ['Angela', 'Moreau', ...DOCUMENT[1]!.slice(2)]], HASHING)[1]!;
    const row = (ids: Int32Array, t: number) => Array.from(ids.slice(t * FEATURES_PER_TOKEN, (t + 1) * FEATURES_PER_TOKEN));
    expect(row(renamed, 1)).not.toEqual(row(base, 1));
    expect(row(renamed, 0)).not.toEqual(row(base, 0)); // "Angela" sees its next word
    expect(row(renamed, 5)).toEqual(row(base, 5)); // "Point" is out of reach
  });

  it("hashes each template's feature string under its slot number", () => {
    // "Morrow" (second word of the body): a few templates, written out as the strings they stand for.
    const row = Array.from(extractFeatures(DOCUMENT, HASHING)[1]!.slice(FEATURES_PER_TOKEN, 2 * FEATURES_PER_TOKEN));
    const id = (feature: string) => hashFeature(feature, HASHING.seed) % HASHING.buckets;
    expect(row[0]).toBe(id('0=bias'));
    expect(row[1]).toBe(id('1=Morrow'));
    expect(row[7]).toBe(id('7=angela|morrow'));
    expect(row[12]).toBe(id('12=Xx|Xx|x'));
    expect(row[13]).toBe(id('13=m'));
    expect(row[20]).toBe(id('20=rrow'));
    expect(row[21]).toBe(id('21=innerC---'));
    expect(row[31]).toBe(id('31=>'));
    expect(row[33]).toBe(HASHING.buckets); // not quoted: the pad row
  });

  it('lets a capitals headline word borrow how the body writes it', () => {
    // "COUNCIL" is written "Council" in the body: its document-case feature differs from a
    // headline word the body never uses ("VOTES").
    const lone = extractFeatures([DOCUMENT[0]!], HASHING)[0]!;
    const withBody = extractFeatures(DOCUMENT, HASHING)[0]!;
    const docSlot = 25; // the document-case template, 26th in tokenFeatures
    expect(withBody[2 * FEATURES_PER_TOKEN + docSlot]).not.toBe(lone[2 * FEATURES_PER_TOKEN + docSlot]);
    expect(withBody[3 * FEATURES_PER_TOKEN + docSlot]).toBe(lone[3 * FEATURES_PER_TOKEN + docSlot]);
  });
});

describe('feature helpers', () => {
  it('hashes deterministically to unsigned 32-bit values', () => {
    expect(hashFeature('1=Lisbon', 0)).toBe(hashFeature('1=Lisbon', 0));
    expect(hashFeature('1=Lisbon', 0)).not.toBe(hashFeature('1=lisbon', 0));
    expect(hashFeature('x', 3)).toBeGreaterThanOrEqual(0);
    expect(hashFeature('x', 3)).toBeLessThan(2 ** 32);
  });

  it('hashes a string fed in parts as it hashes the whole string', () => {
    for (const [seed, parts] of [
      [0, ['7=', 'angela', '|', 'morrow']],
      [1996, ['phrase\u0000', 'harbor', ' ', 'point']],
      [3, ['', 'é€😀', '']],
    ] as const) {
      const fed = parts.reduce((state, part) => feedHash(state, part), startHash(seed));
      expect(finishHash(fed)).toBe(hashFeature(parts.join(''), seed));
    }
    expect(finishHash(startHash(5))).toBe(hashFeature('', 5));
  });

  it('describes word shapes', () => {
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('1996-08-22')).toBe('dddd-dd-dd');
    expect(shortShape('Morrow')).toBe('Xx');
    expect(shortShape('McDonald')).toBe('XxXx');
  });

  it('tokenises initials and clitics as CoNLL does, with offsets that slice the text', () => {
    const text = "J. K. Morrow's office ' s";
    const tokens = taggerTokens(text);
    expect(tokens.map((t) => t.text)).toEqual(['J.', 'K.', 'Morrow', "'s", 'office', "'", 's']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
