import type { HeadlineRow, MeasuredRows } from './headline-row';

/** The README lines between which `npm run eval -- --write-readme` writes the Measured table. */
export const README_MARKERS = {
  start: '<!-- measured:start (printed by `npm run eval -- --write-readme`; do not edit by hand) -->',
  end: '<!-- measured:end -->',
} as const;

const escapeCell = (cell: string) => cell.replace(/\|/gu, '\\|').replace(/\s*\n\s*/gu, ' ');

/** The Measured table in Markdown: one row per headline figure, in task order. */
export function formatMeasuredTable(rows: readonly HeadlineRow[]): string {
  const lines = ['| | dev | test (never tuned on) | baseline (same run) |', '| --- | --- | --- | --- |'];
  for (const row of rows) lines.push(`| ${[row.what, row.dev, row.test, row.baseline].map(escapeCell).join(' | ')} |`);
  return lines.join('\n');
}

/**
 * Merges this run's rows into the rows kept from earlier runs: a task that ran replaces all of
 * its rows; tasks that did not run keep theirs. Task order: `order` first, then any others.
 */
export function mergeMeasuredRows(kept: MeasuredRows, fresh: MeasuredRows, order: readonly string[]): MeasuredRows {
  const merged: MeasuredRows = { ...kept, ...fresh };
  const names = [...order.filter((name) => name in merged), ...Object.keys(merged).filter((name) => !order.includes(name))];
  return Object.fromEntries(names.map((name) => [name, merged[name] ?? []]));
}

/**
 * `readme` with the text between the Measured markers replaced by `table`.
 * @throws Error naming the missing marker when the README lacks either of them.
 */
export function replaceMeasuredTable(readme: string, table: string): string {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start < 0 || end < start) {
    const missing = start < 0 ? README_MARKERS.start : README_MARKERS.end;
    throw new Error(
      `README.md has no line ${JSON.stringify(missing)} (after the start marker) — put both marker lines where the Measured table goes`,
    );
  }
  return `${readme.slice(0, start + README_MARKERS.start.length)}\n${table}\n${readme.slice(end)}`;
}
