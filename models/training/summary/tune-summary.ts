import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_SUMMARY_PARAMS } from '../../../shared/lite/summarize-extractive';
import { lead3Scores, loupeScores, readSummaryCorpora } from './evaluate-summary';
import { pickPositions, prepareNonNewsPages } from './non-news-picks';
import { meanRouge, type RougeScores } from './rouge';
import { gridParams, searchParams } from './search-summary-params';

export { evaluateSummary, type CorpusEvaluation } from './evaluate-summary';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const TuneArgsSchema = z.object({
  trials: z.coerce.number().int().min(1).max(5000).default(80),
  seed: z.coerce.number().int().default(1),
  data: z.string().default(process.env.LOUPE_DATA_DIR ?? resolve(ROOT, '../shared/data')),
  /** Candidates whose picks on the non-news pages fall in the first 3 sentences more often than this are skipped. */
  maxLeadShare: z.coerce.number().min(0).max(1).default(0.3),
  /** BBC articles of its tuning half used by the search (all of them are slow to score 80 times). */
  bbcArticles: z.coerce.number().int().min(10).default(300),
});

function parseArgs(args: readonly string[]): z.infer<typeof TuneArgsSchema> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]?.replace(/^--/u, '').replace(/-(\w)/gu, (_, c: string) => c.toUpperCase());
    if (!key || args[i + 1] === undefined) throw new Error(`expected "--name value" pairs, got "${args.join(' ')}"`);
    raw[key] = args[i + 1]!;
  }
  return TuneArgsSchema.strict().parse(raw);
}

const pct = (value: number) => (100 * value).toFixed(2).padStart(6);
const row = (label: string, s: RougeScores) => `  ${label.padEnd(34)} R-1 ${pct(s.r1)}  R-2 ${pct(s.r2)}  R-L ${pct(s.rl)}`;
const say = (line = '') => process.stdout.write(`${line}\n`);

/**
 * `npm run train -- summary [--trials 80] [--seed 1] [--max-lead-share 0.3] [--bbc-articles 300] [--data dir]`:
 * a grid, then a seeded random search, over SummaryParams on the tuning halves of CNN/DM and BBC
 * News (objective: the smallest lead of the top three over Lead-3, across both corpora and
 * ROUGE-1/2/L F1), guarded so
 * non-news pages are not summarised by their lead. Never reads the held-out halves: `npm run
 * eval -- summary` scores those. Prints the defaults to paste into shared/lite/summary-params.ts.
 */
export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const corpora = readSummaryCorpora(args.data);
  const tuning = corpora.map((c) => (c.name.startsWith('BBC') ? c.tune.slice(0, args.bbcArticles) : c.tune));
  const pages = prepareNonNewsPages(args.data);
  const accept = (params: typeof DEFAULT_SUMMARY_PARAMS) => pickPositions(pages, params).leadShare <= args.maxLeadShare;
  say(`tuning halves: ${corpora.map((c, i) => `${c.name} ${tuning[i]!.length}`).join(', ')}; ${args.trials} trials, seed ${args.seed}`);
  const first = gridParams({ ...DEFAULT_SUMMARY_PARAMS, maxWords: 40, fragmentFactor: 0.9, mmrLambda: 0.75, duplicateThreshold: 0.65 });
  const found = searchParams(tuning, { trials: args.trials, seed: args.seed, accept, first });
  corpora.forEach((corpus, i) => {
    say(`${corpus.name} (tuning half):`);
    say(row('current defaults', meanRouge(loupeScores(tuning[i]!, DEFAULT_SUMMARY_PARAMS))));
    say(row('tuned', found.scores[i]!));
    say(row('Lead-3', meanRouge(lead3Scores(tuning[i]!))));
  });
  say(
    `${found.rejected} of ${found.tried} would-be best candidates rejected by the lead-share guard; non-news lead share ${pct(pickPositions(pages, found.params).leadShare)} %`,
  );
  say('tuned params (paste into DEFAULT_SUMMARY_PARAMS):');
  say(JSON.stringify(found.params, null, 2));
  return 0;
}
