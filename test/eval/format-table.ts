/** One printed table: a title, a header row, body rows and optional notes under it. */
export interface EvalTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly notes?: readonly string[];
}

/** A fraction as a percentage with one decimal ("0.8123" → "81.2"); "—" when absent. */
export function pct(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? '—' : (100 * value).toFixed(digits);
}

/** Seconds with one decimal ("1234" ms → "1.2 s"). */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const isNumeric = (cell: string) => /^[-+]?\d[\d.,]*\s*%?$/u.test(cell.trim()) || cell.trim() === '—';

/**
 * Renders a table as aligned plain text (also valid Markdown): columns of figures
 * right-aligned, the rest left-aligned, so figures line up for reading and for pasting into the README.
 */
export function formatTable(table: EvalTable): string {
  const width = table.columns.length;
  const cells = [table.columns, ...table.rows].map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  const widths = table.columns.map((_, i) => Math.max(3, ...cells.map((row) => row[i]!.length)));
  const [header, ...body] = cells;
  // A column is right-aligned when every filled body cell in it is a figure.
  const numeric = widths.map(
    (_, i) => i > 0 && body.some((row) => row[i] !== '') && body.every((row) => row[i] === '' || isNumeric(row[i]!)),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  const notes = (table.notes ?? []).map((note) => `  ${note}`);
  return [`## ${table.title}`, '', line(header!), rule, ...body.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}
