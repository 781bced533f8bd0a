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

  it('keeps reference marks with the sentence they close ("plasma.[81]", "meeting.[8][9]")', () => {
    const text =
      'It is called quark-gluon plasma.[81] The exact conditions are unknown. He named it at a staff meeting.[8][9] A small group agreed.';
    const spans = segmentSentences(text);
    expect(spans.map((s) => s.text)).toEqual([
      'It is called quark-gluon plasma.[81]',
      'The exact conditions are unknown.',
      'He named it at a staff meeting.[8][9]',
      'A small group agreed.',
    ]);
    assertSpansSliceText(text, spans);
  });

  it('gives an opening bracket after a full stop to the sentence it opens ("said.(Photo via AP)")', () => {
    const text = 'The ship broke up, the agency said.(Oleg Urusov/ Press Service photo via AP)\nCrews searched.';
    const spans = segmentSentences(text);
    expect(spans.map((s) => s.text)).toEqual([
      'The ship broke up, the agency said.',
      '(Oleg Urusov/ Press Service photo via AP)',
      'Crews searched.',
    ]);
    assertSpansSliceText(text, spans);
  });

  it('gives a full-width bracket after 。 to the sentence it opens', () => {
    expect(texts('イヌはそれを見て、思いました。（あいつの肉の方が、大きそうだ）')).toEqual([
      'イヌはそれを見て、思いました。',
      '（あいつの肉の方が、大きそうだ）',
    ]);
  });

  it('leaves a closing quote and a spaced reference where they stand ("„Ich gehe.“ Dann", "[1] First ref. [2] Second ref.")', () => {
    expect(texts('Er sagte: „Ich gehe.“ Dann ging er.')).toEqual(['Er sagte: „Ich gehe.“', 'Dann ging er.']);
    expect(texts('[1] First ref. [2] Second ref.')).toEqual(['[1] First ref.', '[2] Second ref.']);
  });

  it('returns nothing for blank text', () => {
    expect(segmentSentences(' \n\t ')).toEqual([]);
  });
});
