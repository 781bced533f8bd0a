import { evaluateSummary, type CorpusEvaluation } from '../../../models/training/summary/evaluate-summary';
import { nonNewsPicks } from '../../../models/training/summary/non-news-picks';
import type { RougeScores } from '../../../models/training/summary/rouge';
import { pct, type EvalTable } from '../format-table';
import type { HeadlineRow, TaskReport } from '../headline-row';

const METRICS = [
  ['ROUGE-1', 'r1'],
  ['ROUGE-2', 'r2'],
  ['ROUGE-L', 'rl'],
] as const;
const delta = (a: number, b: number) => `${a >= b ? '+' : ''}${(100 * (a - b)).toFixed(2)}`;
const triple = (s: RougeScores) => METRICS.map(([, key]) => pct(s[key])).join(' / ');

/** ROUGE of the top three key points vs Lead-3 on both halves of CNN/DM and BBC, and where they fall on non-news pages. */
export async function summaryTables(dataDir: string): Promise<TaskReport> {
  const corpora = evaluateSummary(dataDir);
  const picks = nonNewsPicks(dataDir);
  const tables: EvalTable[] = [
    ...corpora.map((corpus) => ({
      title: `Summary — ${corpus.name}: top three key points vs Lead-3 (ROUGE F1 %)`,
      columns: [
        'metric',
        `tuning half (${corpus.tune.articles})`,
        'Lead-3',
        'Δ',
        `held-out half (${corpus.heldOut.articles})`,
        'Lead-3',
        'Δ',
      ],
      rows: METRICS.map(([name, key]) => [
        name,
        pct(corpus.tune.loupe[key], 2),
        pct(corpus.tune.lead3[key], 2),
        delta(corpus.tune.loupe[key], corpus.tune.lead3[key]),
        pct(corpus.heldOut.loupe[key], 2),
        pct(corpus.heldOut.lead3[key], 2),
        delta(corpus.heldOut.loupe[key], corpus.heldOut.lead3[key]),
      ]),
      notes: [
        'halves by a hash of each article id; DEFAULT_SUMMARY_PARAMS were searched on the tuning halves only (`npm run train -- summary`).',
        'ROUGE without stemming; ROUGE-L is summary-level union-LCS (rougeLsum); macro-average over articles; key points picked from running prose, as on a page.',
        `goal on the held-out half: beat Lead-3 on all three (${beats(corpus) ? 'met' : 'NOT met'}).`,
      ],
    })),
    {
      title: 'Summary — non-news pages (readability-pages): positions of the top three key points',
      columns: ['page', 'picked sentences', 'of', 'in first 3'],
      rows: picks.pages.map((p) => [p.page, p.picked.join(', '), String(p.total), String(p.picked.filter((i) => i <= 3).length)]),
      notes: [`share of picks in a page's first 3 sentences: ${pct(picks.leadShare)} % (Lead-3 would be 100 %)`],
    },
  ];
  return { tables, headline: corpora.map(headlineRow) };
}

function beats(corpus: CorpusEvaluation): boolean {
  return METRICS.every(([, key]) => corpus.heldOut.loupe[key] > corpus.heldOut.lead3[key]);
}

function headlineRow(corpus: CorpusEvaluation): HeadlineRow {
  return {
    what: `summary, top three key points, ROUGE-1/2/L, ${corpus.name} (halves: ${corpus.tune.articles} tuned on / ${corpus.heldOut.articles} held out)`,
    dev: triple(corpus.tune.loupe),
    test: triple(corpus.heldOut.loupe),
    baseline: `Lead-3 ${triple(corpus.tune.lead3)} / held out ${triple(corpus.heldOut.lead3)}`,
  };
}
