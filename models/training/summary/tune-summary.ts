import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_SUMMARY_PARAMS, type SummaryParams } from '../../../shared/lite/summarize-extractive';
import { lead3Scores, loupeScores, prepareArticles, type PreparedArticle } from './evaluate-summary';
import { pickPositions, prepareNonNewsPages, type NonNewsPicks } from './non-news-picks';
import { meanRouge, type RougeScores } from './rouge';
import { searchParams, twoFolds } from './search-summary-params';

export { evaluateSummary, type SummaryEvaluation } from './evaluate-summary';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const TuneArgsSchema = z.object({
  trials: z.coerce.number().int().min(1).max(5000).default(120),
  seed: z.coerce.number().int().default(1),
  data: z.string().default(process.env.LOUPE_DATA_DIR ?? resolve(ROOT, '../shared/data')),
  /** Candidates whose picks on the non-news pages fall in the first 3 sentences more often than this are skipped. */
  maxLeadShare: z.coerce.number().min(0).max(1).default(0.2),
});
type TuneArgs = z.infer<typeof TuneArgsSchema>;

function parseArgs(args: readonly string[]): TuneArgs {
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

/** Each fold: params searched on one half, scored on that half (in-sample) and the other (held out). */
function crossValidate(articles: readonly PreparedArticle[], args: TuneArgs, accept: (p: SummaryParams) => boolean): void {
  const folds = twoFolds(articles);
  folds.forEach((train, k) => {
    const test = folds[1 - k]!;
    const found = searchParams(train, { trials: args.trials, seed: args.seed + k + 1, accept });
    say(`fold ${k + 1}: searched on ${train.length} articles, held out ${test.length}`);
    say(row('in-sample  Loupe (tuned)', found.scores));
    say(row('in-sample  Lead-3', meanRouge(lead3Scores(train))));
    say(row('held-out   Loupe (tuned elsewhere)', meanRouge(loupeScores(test, found.params))));
    say(row('held-out   Lead-3', meanRouge(lead3Scores(test))));
  });
}

function describePicks(picks: NonNewsPicks): void {
  for (const page of picks.pages) say(`  ${page.page.padEnd(20)} picked sentences ${page.picked.join(', ')} of ${page.total}`);
  say(`  share of picks in a page's first 3 sentences: ${pct(picks.leadShare)} %`);
}

/**
 * `npm run train -- summary [--trials 120] [--seed 1] [--max-lead-share 0.2] [--data dir]`:
 * seeded random search over SummaryParams on CNN/DM dev (objective: mean of ROUGE-1/2/L F1),
 * 2-fold cross-validated, guarded so non-news pages are not summarised by their lead. Prints the
 * figures and the defaults to paste into shared/lite/summary-params.ts; writes nothing.
 */
export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const articles = prepareArticles(args.data);
  const pages = prepareNonNewsPages(args.data);
  const accept = (params: SummaryParams) => pickPositions(pages, params).leadShare <= args.maxLeadShare;
  say(`CNN/DM dev: ${articles.length} articles; ${args.trials} trials per search, seed ${args.seed}; ROUGE F1 (%), no stemming, ROUGE-L union-LCS`);
  say(`guard: share of picks in the first 3 sentences of ${pages.length} non-news pages <= ${args.maxLeadShare}`);
  crossValidate(articles, args, accept);
  const final = searchParams(articles, { trials: args.trials, seed: args.seed, accept });
  say(`all ${articles.length} articles (${final.rejected} of ${final.tried} would-be best candidates rejected by the guard):`);
  say(row('current defaults', meanRouge(loupeScores(articles, DEFAULT_SUMMARY_PARAMS))));
  say(row('tuned', final.scores));
  say(row('Lead-3', meanRouge(lead3Scores(articles))));
  say('non-news pages with the tuned params:');
  describePicks(pickPositions(pages, final.params));
  say('tuned params (paste into DEFAULT_SUMMARY_PARAMS):');
  say(JSON.stringify(final.params, null, 2));
  return 0;
}
