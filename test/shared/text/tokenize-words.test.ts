import { describe, expect, it } from 'vitest';
import { tokenizeWords } from '../../../shared/text/tokenize-words';
import { assertSpansSliceText } from '../lite/assert-spans-slice-text';

const texts = (text: string) => tokenizeWords(text).map((t) => t.text);

describe('tokenizeWords', () => {
  it('splits CoNLL-style: currency, percent and possessive apart, abbreviations whole', () => {
    expect(texts("Mr. Lopez's firm paid $5 million (12%) to the U.S. Treasury.")).toEqual([
      'Mr.',
      'Lopez',
      "'s",
      'firm',
      'paid',
      '$',
      '5',
      'million',
      '(',
      '12',
      '%',
      ')',
      'to',
      'the',
      'U.S.',
      'Treasury',
      '.',
    ]);
  });

  it('keeps decimals, thousands, hyphens and apostrophes inside a token', () => {
    expect(texts("a well-known 1,000.5 don't 1990s")).toEqual(['a', 'well-known', '1,000.5', "don't", '1990s']);
  });

  it('gives offsets into the text', () => {
    const text = '  Héloïse — déjà vu, 3.5 km.';
    assertSpansSliceText(text, tokenizeWords(text));
    expect(texts(text)).toEqual(['Héloïse', '—', 'déjà', 'vu', ',', '3.5', 'km', '.']);
  });
});
