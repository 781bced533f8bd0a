import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, seconds } from './format-table';
import { MeasuredRowsSchema, type HeadlineRow, type MeasuredRows, type TaskReport } from './headline-row';
import { formatMeasuredTable, mergeMeasuredRows, replaceMeasuredTable } from './measured-table';

/**
 * `npm run eval [-- task ...] [-- --write-readme]`: measures every quality figure Loupe claims,
 * each beside its baseline from the same run, on the public data in ../shared/data (or
 * $LOUPE_DATA_DIR). Each task module is imported only when it runs, so one broken task cannot
 * hide the others. Every task also gives headline rows (dev, test, baseline); the run ends with
 * them as the README's Measured table, and `--write-readme` writes that table into README.md.
 */
const TASKS: Record<string, () => Promise<(dataDir: string) => Promise<TaskReport>>> = {
  entities: async () => (await import('./tasks/entities-tables')).entitiesTables,
  bias: async () => (await import('./tasks/bias-tables')).biasTables,
  misleading: async () => (await import('./tasks/misleading-tables')).misleadingTables,
  'bias-pages': async () => (await import('./tasks/bias-pages-tables')).biasPagesTables,
  summary: async () => (await import('./tasks/summary-tables')).summaryTables,
  extraction: async () => (await import('./tasks/extraction-tables')).extractionTables,
  ocr: async () => (await import('./tasks/ocr-tables')).ocrTables,
  language: async () => (await import('./tasks/language-tables')).languageTables,
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = resolve(ROOT, 'README.md');
/** The headline rows of each task's latest `--write-readme` run, so a run of one task keeps the others' rows. */
const MEASURED_ROWS = fileURLToPath(new URL('./measured-rows.json', import.meta.url));
const say = (text = '') => process.stdout.write(`${text}\n`);

interface EvalArgs {
  readonly tasks: string[];
  readonly writeReadme: boolean;
}

function parseArgs(args: readonly string[]): EvalArgs | null {
  const words = args.filter((arg) => arg !== '--');
  const writeReadme = words.includes('--write-readme');
  const names = words.filter((word) => word !== '--write-readme');
  const unknown = names.filter((name) => !(name in TASKS));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown evaluation "${unknown.join('", "')}"; usage: npm run eval [-- ${Object.keys(TASKS).join(' ')}] [--write-readme]\n`,
    );
    return null;
  }
  return { tasks: names.length > 0 ? names : Object.keys(TASKS), writeReadme };
}

/** Runs one task, prints its tables or its error; its headline rows, or null when it failed. */
async function runTask(name: string, dataDir: string): Promise<readonly HeadlineRow[] | null> {
  const started = performance.now();
  try {
    const report = await (await TASKS[name]!())(dataDir);
    for (const table of report.tables) say(`${formatTable(table)}\n`);
    say(`(${name}: ${seconds(performance.now() - started)})\n`);
    return report.headline;
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    say(`## ${name} — FAILED after ${seconds(performance.now() - started)}\n\n${detail}\n`);
    return null;
  }
}

function readMeasuredRows(): MeasuredRows {
  if (!existsSync(MEASURED_ROWS)) return {};
  const parsed = MeasuredRowsSchema.safeParse(JSON.parse(readFileSync(MEASURED_ROWS, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${MEASURED_ROWS} is not a map of task → headline rows (${parsed.error.message}); delete it and run \`npm run eval -- --write-readme\``,
    );
  return parsed.data;
}

/** Keeps this run's rows beside the other tasks' last rows and rewrites the README's Measured table. */
function writeReadme(fresh: MeasuredRows): void {
  const rows = mergeMeasuredRows(readMeasuredRows(), fresh, Object.keys(TASKS));
  writeFileSync(MEASURED_ROWS, `${JSON.stringify(rows, null, 2)}\n`);
  writeFileSync(README, replaceMeasuredTable(readFileSync(README, 'utf8'), formatMeasuredTable(Object.values(rows).flat())));
  say(
    `README.md Measured table rewritten (${Object.keys(fresh).join(', ')} from this run; other tasks' rows kept from test/eval/measured-rows.json).`,
  );
}

export async function main(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) return 2;
  const override = process.env.LOUPE_DATA_DIR;
  const dataDir = override ? resolve(override) : resolve(ROOT, '../shared/data');
  if (!existsSync(dataDir)) {
    say(`${override ? dataDir : '../shared/data'} not found — evaluation needs the public datasets (see README); nothing to measure.`);
    return 0;
  }
  say(`Loupe evaluation on ${dataDir}: ${parsed.tasks.join(', ')}\n`);
  const failed: string[] = [];
  const fresh: MeasuredRows = {};
  for (const name of parsed.tasks) {
    const rows = await runTask(name, dataDir);
    if (rows) fresh[name] = [...rows];
    else failed.push(name);
  }
  say(`## Measured (the README's table; this run's tasks)\n\n${formatMeasuredTable(Object.values(fresh).flat())}\n`);
  if (parsed.writeReadme && Object.keys(fresh).length > 0) writeReadme(fresh);
  say(failed.length === 0 ? 'All evaluations ran.' : `Failed: ${failed.join(', ')} (see above).`);
  return failed.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
