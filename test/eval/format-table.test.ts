import { describe, expect, it } from 'vitest';
import { formatTable, pct, seconds } from './format-table';

describe('formatTable', () => {
  it('lines up columns, right-aligns figures and keeps notes under the table', () => {
    const text = formatTable({
      title: 'Summary',
      columns: ['metric', 'Loupe', 'Lead-3'],
      rows: [
        ['ROUGE-1', '40.7', '39.6'],
        ['ROUGE-L', '7.0', '36.1'],
      ],
      notes: ['100 articles'],
    });
    expect(text.split('\n')).toEqual([
      '## Summary',
      '',
      '| metric  | Loupe | Lead-3 |',
      '|---------|------:|-------:|',
      '| ROUGE-1 |  40.7 |   39.6 |',
      '| ROUGE-L |   7.0 |   36.1 |',
      '',
      '  100 articles',
    ]);
  });

  it('pads short rows instead of dropping columns, and left-aligns columns of words', () => {
    const text = formatTable({ title: 'T', columns: ['a', 'goal'], rows: [['x'], ['y', '≥ Lead-3']] });
    expect(text.split('\n').slice(2)).toEqual(['| a   | goal     |', '|-----|----------|', '| x   |          |', '| y   | ≥ Lead-3 |']);
  });

  it('formats fractions as percentages and milliseconds as seconds', () => {
    expect(pct(0.81234)).toBe('81.2');
    expect(pct(undefined)).toBe('—');
    expect(seconds(1234)).toBe('1.2 s');
  });
});
