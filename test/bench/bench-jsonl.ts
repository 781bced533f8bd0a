import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../build/build-cli';
import { parseConll } from '../../models/training/entities/read-conll';
import { heading, measureInterleaved, note, num, rows, type Timing } from './bench-timing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** compromise in its own Node process, reading the same lines: people, places, organisations per line. */
const COMPROMISE_SCRIPT = `
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
for (const line of readFileSync(0, 'utf8').split('\\n')) {
  if (!line) continue;
  const { id, text } = JSON.parse(line);
  const doc = nlp(text);
  process.stdout.write(JSON.stringify({ id, people: doc.people().out('array'), places: doc.places().out('array'), organizations: doc.organizations().out('array') }) + '\\n');
}`;

/** Runs a command with `input` on stdin; resolves once it exits 0 with one output line per input line. */
function run(command: string, args: string[], input: string, lines: number, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, LOUPE_LOG: 'quiet', ...env } });
  let out = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) out++;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((done, fail) =>
    child.on('close', (code) =>
      code === 0 && out === lines
        ? done()
        : fail(new Error(`${command} exited ${code} with ${out}/${lines} lines: ${stderr.trim().slice(0, 400)}`)),
    ),
  );
}

/** CoNLL-2003 test sentences when the data folder has them (eng.testb), else the dev ones (eng.testa). */
function conllSentences(): { name: string; lines: string[] } | null {
  const dir = join(process.env.LOUPE_DATA_DIR ?? resolve(ROOT, '../shared/data'), 'conll2003');
  const file = ['eng.testb', 'eng.testa'].find((name) => existsSync(join(dir, name)));
  if (!file) return null;
  const sentences = parseConll(readFileSync(join(dir, file), 'utf8')).flat();
  return { name: file, lines: sentences.map((s, id) => JSON.stringify({ id, text: s.tokens.join(' ') })) };
}

const LOUPE = ['daemon/bin/loupe.js', 'analyze', '--jsonl', '--tasks', 'entities'];
/** The TypeScript sources through tsx, as every start ran before the compiled CLI. */
const FROM_SOURCE = { LOUPE_FROM_SOURCE: '1' };

/**
 * Whole-process throughput of `loupe analyze --jsonl --tasks entities` vs compromise on the same
 * sentences: the compiled CLI (built here from the current sources) and the sources through tsx,
 * each with all sentences and with one (its start-up), run by run in turn with compromise.
 */
export async function benchJsonlSection(): Promise<void> {
  heading('loupe analyze --jsonl --tasks entities vs compromise, whole process, same CoNLL sentences');
  const data = conllSentences();
  if (!data) return note('not measured: ../shared/data/conll2003 is absent');
  await buildCli();
  const all = `${data.lines.join('\n')}\n`;
  const one = `${data.lines[0]}\n`;
  const n = data.lines.length;
  const timings = await measureInterleaved(
    {
      loupe: () => run(process.execPath, LOUPE, all, n),
      loupeStart: () => run(process.execPath, LOUPE, one, 1),
      source: () => run(process.execPath, LOUPE, all, n, FROM_SOURCE),
      sourceStart: () => run(process.execPath, LOUPE, one, 1, FROM_SOURCE),
      compromise: () => run(process.execPath, ['--input-type=module', '-e', COMPROMISE_SCRIPT], all, n),
    },
    { warmup: 1, runs: 3 },
  );
  const row = (name: string, lines: number, timing: Timing): [string, ...string[]] => [
    name,
    num(lines),
    num(timing.medianMs / 1000),
    lines > 1 ? num((lines * 1000) / timing.medianMs) : '',
  ];
  rows([
    ['process', 'sentences', 'median s', 'sentences/s'],
    row('loupe analyze --jsonl --tasks entities (compiled CLI)', n, timings.loupe),
    row('  of which start-up (1 sentence)', 1, timings.loupeStart),
    row('  the same from the TypeScript sources (tsx)', n, timings.source),
    row('    of which start-up (1 sentence)', 1, timings.sourceStart),
    row('compromise people/places/organizations (baseline)', n, timings.compromise),
  ]);
  const ratio = (timing: Timing) => (timings.compromise.medianMs / timing.medianMs).toFixed(1);
  const afterStart = timings.compromise.medianMs / Math.max(1, timings.loupe.medianMs - timings.loupeStart.medianMs);
  note(
    `${data.name}: Loupe is ${ratio(timings.loupe)}x as fast as compromise, whole process (goal 10x; ${ratio(timings.source)}x from the sources); after start-up, ${afterStart.toFixed(1)}x`,
  );
}
