import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, seconds, type EvalTable } from './format-table';

/**
 * `npm run eval [-- task ...]`: measures every quality figure Loupe claims, each beside its
 * baseline from the same run, on the public data in ../shared/data (or $LOUPE_DATA_DIR).
 * Each task module is imported only when it runs, so one broken task cannot hide the others.
 */
const TASKS: Record<string, () => Promise<(dataDir: string) => Promise<EvalTable[]>>> = {
  entities: async () => (await import('./tasks/entities-tables')).entitiesTables,
  bias: async () => (await import('./tasks/bias-tables')).biasTables,
  misleading: async () => (await import('./tasks/misleading-tables')).misleadingTables,
  'bias-pages': async () => (await import('./tasks/bias-pages-tables')).biasPagesTables,
  summary: async () => (await import('./tasks/summary-tables')).summaryTables,
  extraction: async () => (await import('./tasks/extraction-tables')).extractionTables,
  ocr: async () => (await import('./tasks/ocr-tables')).ocrTables,
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const say = (text = '') => process.stdout.write(`${text}\n`);

function chosenTasks(args: readonly string[]): string[] | null {
  const names = args.filter((arg) => arg !== '--');
  const unknown = names.filter((name) => !(name in TASKS));
  if (unknown.length > 0) {
    process.stderr.write(`unknown evaluation "${unknown.join('", "')}"; usage: npm run eval [-- ${Object.keys(TASKS).join(' ')}]\n`);
    return null;
  }
  return names.length > 0 ? names : Object.keys(TASKS);
}

/** Runs one task, prints its tables or its error; true when it succeeded. */
async function runTask(name: string, dataDir: string): Promise<boolean> {
  const started = performance.now();
  try {
    const tables = await (await TASKS[name]!())(dataDir);
    for (const table of tables) say(`${formatTable(table)}\n`);
    say(`(${name}: ${seconds(performance.now() - started)})\n`);
    return true;
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    say(`## ${name} — FAILED after ${seconds(performance.now() - started)}\n\n${detail}\n`);
    return false;
  }
}

export async function main(args: readonly string[]): Promise<number> {
  const names = chosenTasks(args);
  if (!names) return 2;
  const override = process.env.LOUPE_DATA_DIR;
  const dataDir = override ? resolve(override) : resolve(ROOT, '../shared/data');
  if (!existsSync(dataDir)) {
    say(`${override ? dataDir : '../shared/data'} not found — evaluation needs the public datasets (see README); nothing to measure.`);
    return 0;
  }
  say(`Loupe evaluation on ${dataDir}: ${names.join(', ')}\n`);
  const failed: string[] = [];
  for (const name of names) if (!(await runTask(name, dataDir))) failed.push(name);
  say(failed.length === 0 ? 'All evaluations ran.' : `Failed: ${failed.join(', ')} (see above).`);
  return failed.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
