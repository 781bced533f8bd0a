import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { assertSpansSliceText } from '../lite/assert-spans-slice-text';

const texts = (text: string) => segmentSentences(text).map((s) => s.text);

describe('segmentSentences', () => {
  it('keeps titles, initials and e.g. inside their sentence', () => {
    const text = 'Mr. Smith met Dr. Jones at noon. J. K. Rowling wrote books, e.g. novels. Prof. Ada Lind agreed.';
    expect(texts(text)).toEqual(['Mr. Smith met Dr. Jones at noon.', 'J. K. Rowling wrote books, e.g. novels.', 'Prof. Ada Lind agreed.']);
  });

  it('joins "U.S." to a following name but ends a sentence before a new one', () => {
    expect(texts('The U.S. Senate met. He moved to the U.S. Then he left.')).toEqual([
      'The U.S. Senate met.',
      'He moved to the U.S.',
      'Then he left.',
    ]);
  });

  it('breaks at blank lines and single newlines, so headings stand alone', () => {
    expect(texts('Seawall Approved\n\nThe vote was close.\nIt passed 6-3.')).toEqual([
      'Seawall Approved',
      'The vote was close.',
      'It passed 6-3.',
    ]);
  });

  it('returns trimmed spans whose offsets slice the original text', () => {
    const text = '   First one.   Second one?\n\n  Third!  ';
    const spans = segmentSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['First one.', 'Second one?', 'Third!']);
    assertSpansSliceText(text, spans);
  });

  it('still ends a sentence on "no." and keeps "No. 5" together', () => {
    expect(texts('He said no. Then he left. See item No. 5 below.')).toEqual(['He said no.', 'Then he left.', 'See item No. 5 below.']);
  });

  it('returns nothing for blank text', () => {
    expect(segmentSentences(' \n\t ')).toEqual([]);
  });
});
