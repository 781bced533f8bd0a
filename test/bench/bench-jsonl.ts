import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConll } from '../../models/training/entities/read-conll';
import { heading, measure, note, num, rows } from './bench-timing';

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
function run(command: string, args: string[], input: string, lines: number): Promise<void> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, LOUPE_LOG: 'quiet' } });
  let out = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { for (const byte of chunk) if (byte === 10) out++; });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((done, fail) => child.on('close', (code) => (code === 0 && out === lines ? done() : fail(new Error(`${command} exited ${code} with ${out}/${lines} lines: ${stderr.trim().slice(0, 400)}`)))));
}

/** CoNLL-2003 test sentences when the data folder has them (eng.testb), else the dev ones (eng.testa). */
function conllSentences(): { name: string; lines: string[] } | null {
  const dir = join(process.env.LOUPE_DATA_DIR ?? resolve(ROOT, '../shared/data'), 'conll2003');
  const file = ['eng.testb', 'eng.testa'].find((name) => existsSync(join(dir, name)));
  if (!file) return null;
  const sentences = parseConll(readFileSync(join(dir, file), 'utf8')).flat();
  return { name: file, lines: sentences.map((s, id) => JSON.stringify({ id, text: s.tokens.join(' ') })) };
}

/** Whole-process throughput of `loupe analyze --jsonl --tasks entities` vs compromise on the same sentences. */
export async function benchJsonlSection(): Promise<void> {
  heading('loupe analyze --jsonl --tasks entities vs compromise, whole process, same CoNLL sentences');
  const data = conllSentences();
  if (!data) return note('not measured: ../shared/data/conll2003 is absent');
  const input = `${data.lines.join('\n')}\n`;
  const loupe = await measure(() => run(process.execPath, ['daemon/bin/loupe.js', 'analyze', '--jsonl', '--tasks', 'entities'], input, data.lines.length), { warmup: 1, runs: 3 });
  const startOnly = await measure(() => run(process.execPath, ['daemon/bin/loupe.js', 'analyze', '--jsonl', '--tasks', 'entities'], `${data.lines[0]}\n`, 1), { warmup: 0, runs: 3 });
  const compromise = await measure(() => run(process.execPath, ['--input-type=module', '-e', COMPROMISE_SCRIPT], input, data.lines.length), { warmup: 1, runs: 3 });
  rows([
    ['process', 'sentences', 'median s', 'sentences/s'],
    ['loupe analyze --jsonl --tasks entities', num(data.lines.length), num(loupe.medianMs / 1000), num((data.lines.length * 1000) / loupe.medianMs)],
    ['  of which start-up (1 sentence)', '1', num(startOnly.medianMs / 1000), ''],
    ['compromise people/places/organizations (baseline)', num(data.lines.length), num(compromise.medianMs / 1000), num((data.lines.length * 1000) / compromise.medianMs)],
  ]);
  note(`${data.name}: Loupe is ${(compromise.medianMs / loupe.medianMs).toFixed(1)}x as fast as compromise, whole process (goal 10x); ` +
    `after start-up, ${((compromise.medianMs) / Math.max(1, loupe.medianMs - startOnly.medianMs)).toFixed(1)}x`);
}
