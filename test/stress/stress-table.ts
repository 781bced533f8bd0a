/** One attack class replayed against the daemon: how many tries, how many the daemon held. */
export interface StressRow {
  attack: string;
  tried: number;
  held: number;
  /** What "held" means here and what was measured. */
  detail: string;
  /** The latency that matters for this class, at the 95th percentile. */
  p95Ms?: number;
  /** Daemon resident memory after the class, MiB. */
  rssMiB?: number;
}

const num = (n: number | undefined, digits = 0) =>
  n === undefined ? '' : n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A Markdown table, ready for the README. */
export function formatStressTable(rows: readonly StressRow[]): string {
  const lines = ['| attack | tried | held | p95 ms | daemon RSS MiB | what was checked |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  for (const r of rows)
    lines.push(`| ${r.attack} | ${num(r.tried)} | ${num(r.held)} | ${num(r.p95Ms, 1)} | ${num(r.rssMiB)} | ${r.detail} |`);
  return lines.join('\n');
}
