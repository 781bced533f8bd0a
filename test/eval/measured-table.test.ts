import { describe, expect, it } from 'vitest';
import { formatMeasuredTable, mergeMeasuredRows, README_MARKERS, replaceMeasuredTable } from './measured-table';

const row = (what: string, dev = '1.0') => ({ what, dev, test: '2.0', baseline: 'x 0.5' });

describe('the README Measured table', () => {
  it('prints one Markdown row per headline figure, dev beside test beside baseline', () => {
    const table = formatMeasuredTable([row('entities, span F1'), { what: 'a | b', dev: '3', test: '—', baseline: 'chance' }]);
    expect(table.split('\n')).toEqual([
      '| | dev | test (never tuned on) | baseline (same run) |',
      '| --- | --- | --- | --- |',
      '| entities, span F1 | 1.0 | 2.0 | x 0.5 |',
      '| a \\| b | 3 | — | chance |',
    ]);
  });

  it('replaces the rows of the tasks that ran and keeps the others, in task order', () => {
    const kept = { entities: [row('old entities')], bias: [row('bias')], mine: [row('extra')] };
    const merged = mergeMeasuredRows(kept, { entities: [row('new entities', '9')] }, ['entities', 'bias', 'summary']);
    expect(Object.keys(merged)).toEqual(['entities', 'bias', 'mine']);
    expect(merged.entities).toEqual([row('new entities', '9')]);
    expect(merged.bias).toEqual([row('bias')]);
  });

  it('rewrites only the text between the markers of the README', () => {
    const readme = `# T\n\n${README_MARKERS.start}\nold table\n${README_MARKERS.end}\n\nafter\n`;
    expect(replaceMeasuredTable(readme, 'NEW')).toBe(`# T\n\n${README_MARKERS.start}\nNEW\n${README_MARKERS.end}\n\nafter\n`);
  });

  it('names the missing marker instead of writing a README without the table', () => {
    expect(() => replaceMeasuredTable('# T\n', 'NEW')).toThrow(/measured:start/);
    expect(() => replaceMeasuredTable(`${README_MARKERS.start}\nx\n`, 'NEW')).toThrow(/measured:end/);
  });
});
