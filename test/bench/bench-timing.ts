import os from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Timings of one measured operation: warm-up runs first, then the median of the timed runs. */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed, one after another. */
export async function measure(fn: () => Promise<unknown> | unknown, { warmup = 1, runs = 5 } = {}): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    await fn();
    times.push(performance.now() - began);
  }
  return summarise(times);
}

/**
 * Like {@link measure} for several contenders at once, alternating them run by run, so that a
 * burst of load from elsewhere on a shared machine hits all of them rather than one.
 */
export async function measureInterleaved<K extends string>(
  contenders: Record<K, () => Promise<unknown> | unknown>,
  { warmup = 1, runs = 5 } = {},
): Promise<Record<K, Timing>> {
  const names = Object.keys(contenders) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup + runs; i++) {
    for (const name of names) {
      const began = performance.now();
      await contenders[name]();
      if (i >= warmup) times[name].push(performance.now() - began);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarise(times[name])])) as Record<K, Timing>;
}

/** Median, min and max of `times` (milliseconds). */
export function summarise(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { medianMs, minMs: sorted[0] ?? 0, maxMs: sorted.at(-1) ?? 0, runs: sorted.length };
}

/** Items per second at the median time. */
export const perSecond = (items: number, timing: Timing): number => (timing.medianMs > 0 ? (items * 1000) / timing.medianMs : 0);

function packageVersion(name: string): string {
  try {
    // Read from disk: some packages (compromise) do not export their package.json.
    const file = fileURLToPath(new URL(`../../node_modules/${name}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** One paragraph saying what these figures were measured on. */
export function describeMachine(): string {
  const cpus = os.cpus();
  return [
    `machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores (os.cpus), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}`,
    `runtime: node ${process.version}, onnxruntime-node ${packageVersion('onnxruntime-node')}, compromise ${packageVersion('compromise')}`,
    `method: each figure is the median of several timed runs after warm-up, measured in this run; the machine may be shared, so compare rows within a section, not across days`,
  ].join('\n');
}

const fmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** `1234.5` → `1,234.5`. */
export const num = (value: number): string => fmt.format(value);

/** Prints a section heading. */
export function heading(title: string): void {
  process.stdout.write(`\n== ${title} ==\n`);
}

/** Prints aligned rows of label and figures. */
export function rows(lines: ReadonlyArray<readonly [string, ...string[]]>): void {
  const widths = lines[0]!.map((_, col) => Math.max(...lines.map((line) => (line[col] ?? '').length)));
  for (const line of lines)
    process.stdout.write(
      '  ' + line.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('   ') + '\n',
    );
}

/** Prints a free-text line under a section. */
export function note(text: string): void {
  process.stdout.write(`  ${text}\n`);
}

/** `a` relative to `b` in words: "3.2x faster" / "1.5x slower". */
export function ratio(a: number, b: number, higherIsBetter = true): string {
  if (a <= 0 || b <= 0) return 'n/a';
  const r = higherIsBetter ? a / b : b / a;
  return r >= 1 ? `${r.toFixed(2)}x faster` : `${(1 / r).toFixed(2)}x slower`;
}
