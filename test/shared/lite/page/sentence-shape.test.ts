import { describe, expect, it } from 'vitest';
import { withoutClosingMarks } from '../../../../shared/lite/page/sentence-shape';

describe('withoutClosingMarks', () => {
  it('takes closing quotes, brackets and reference marks off the end, and nothing else', () => {
    expect(withoutClosingMarks('It is called plasma.[81]')).toBe('It is called plasma.');
    expect(withoutClosingMarks('"We need free speech."[28]')).toBe('"We need free speech.');
    expect(withoutClosingMarks('He named it at a meeting.[8][9]')).toBe('He named it at a meeting.');
    expect(withoutClosingMarks('He was forced out.[citation needed]')).toBe('He was forced out.');
    // A bracketed line is not a reference mark: only its closing bracket goes.
    expect(withoutClosingMarks('[Alden: Et tu, Lexi?]')).toBe('[Alden: Et tu, Lexi?');
    expect(withoutClosingMarks('See the table [below]')).toBe('See the table [below');
  });

  it('strips a long run of marks whole', () => {
    const marks = `Word.${'[1]'.repeat(50_000)}`;
    expect(withoutClosingMarks(marks)).toBe('Word.');
    const quotes = `Word.${'”'.repeat(100_000)}`;
    expect(withoutClosingMarks(quotes)).toBe('Word.');
  });
});
