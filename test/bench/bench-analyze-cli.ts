import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { extractArticle } from '../../daemon/capture/extract-article';
import { articleFixtures } from './bench-corpus';
import { heading, measure, note, num, perSecond, rows } from './bench-timing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = 30;

/** Runs `loupe analyze --jsonl` on `input` in a fresh Node process; rejects unless every line is answered. */
function analyzeJsonl(input: string, lines: number): Promise<void> {
  const child = spawn(process.execPath, ['daemon/bin/loupe.js', 'analyze', '--jsonl'], {
    cwd: ROOT,
    env: { ...process.env, LOUPE_LOG: 'quiet' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      const answered = stdout.trim().split('\n').filter(Boolean).length;
      if (code === 0 && answered === lines) resolve();
      else reject(new Error(`loupe analyze --jsonl exited ${code} with ${answered}/${lines} lines: ${stderr.trim()}`));
    }),
  );
}

/** Pages/s of `loupe analyze --jsonl` (whole CLI process) vs compromise's entity work in-process. */
export async function benchAnalyzeCliSection(): Promise<void> {
  heading('loupe analyze --jsonl: real CLI process vs compromise in-process (baseline)');
  const fixtures = articleFixtures();
  const pages = Array.from({ length: PAGES }, (_, i) => fixtures[i % fixtures.length]!);
  const jsonl = (list: typeof pages) => list.map((page, i) => JSON.stringify({ id: i, html: page.html })).join('\n') + '\n';
  const one = await measure(() => analyzeJsonl(jsonl(pages.slice(0, 1)), 1), { warmup: 1, runs: 3 });
  const many = await measure(() => analyzeJsonl(jsonl(pages), PAGES), { warmup: 0, runs: 3 });
  const baseline = await measure(
    () => {
      for (const page of pages) {
        const doc = nlp(extractArticle(page.html).text);
        doc.people().out('array');
        doc.places().out('array');
        doc.organizations().out('array');
      }
    },
    { warmup: 1, runs: 3 },
  );
  const marginalMs = Math.max(0, many.medianMs - one.medianMs);
  note(
    `pages: ${PAGES} = ${fixtures.map((f) => f.name).join(', ')} repeated (project-written fixtures), all tasks (summary, entities, bias)`,
  );
  rows([
    ['what', 'pages/s', 'median ms'],
    [`loupe analyze --jsonl, ${PAGES} pages, incl. process start (node + tsx + models)`, num(perSecond(PAGES, many)), num(many.medianMs)],
    ['loupe analyze --jsonl, 1 page (≈ process start cost)', num(perSecond(1, one)), num(one.medianMs)],
    [
      `loupe analyze --jsonl, marginal (${PAGES - 1} extra pages)`,
      marginalMs > 0 ? num(((PAGES - 1) * 1000) / marginalMs) : 'n/a',
      num(marginalMs),
    ],
    [
      `baseline: compromise in-process, same ${PAGES} pages (extract article + people/places/orgs only)`,
      num(perSecond(PAGES, baseline)),
      num(baseline.medianMs),
    ],
  ]);
  note('the baseline does less (entities only, no summary or bias, no process start): it is a reference point, not a like-for-like race');
}
