import { evaluateClaims, type ClaimScores } from '../../../models/training/claims/evaluate-claims';
import { evaluateClickbait } from '../../../models/training/clickbait/evaluate-clickbait';
import { propagandaDir, readPropaganda, scorePropaganda } from '../../../models/training/bias/eval/evaluate-propaganda';
import { sentencePipelines } from '../../../models/training/bias/eval/sentence-pipelines';
import { pct, type EvalTable } from '../format-table';
import type { TaskReport } from '../headline-row';

const claimRow = (name: string, dev: ClaimScores, test: ClaimScores) => [
  name,
  pct(dev.precision),
  pct(dev.recall),
  pct(test.precision),
  pct(test.recall),
  pct(test.f1),
];

/**
 * The misleading-passage checks beyond word choice: unattributed claims against PolNeAR's
 * attributions (its train split serves as Loupe's dev, its dev split as test; measured only,
 * never learnt from), and the clickbait head on held-out headlines, each beside a baseline.
 */
export async function misleadingTables(dataDir: string): Promise<TaskReport> {
  const dev = evaluateClaims(dataDir, 'train');
  const test = evaluateClaims(dataDir, 'dev');
  const clickbait = await evaluateClickbait(dataDir);
  const [head, rule] = clickbait.rows;
  const propaganda = await propagandaTable(dataDir);
  const headline = [
    {
      what: 'unattributed claims, precision / recall (PolNeAR)',
      dev: `${pct(dev.rules.precision)} / ${pct(dev.rules.recall)}`,
      test: `${pct(test.rules.precision)} / ${pct(test.rules.recall)}`,
      baseline: `cue phrases alone ${pct(test.phrasesOnly.precision)} / ${pct(test.phrasesOnly.recall)}`,
    },
    {
      what: 'clickbait titles, F1 (held-out headlines)',
      dev: pct(head!.dev.f1),
      test: pct(head!.test.f1),
      baseline: `teaser rule ${pct(rule!.test.f1)}`,
    },
    {
      what: 'propaganda-rich news lines, precision / recall',
      dev: propaganda.measured ? propaganda.devFigure : '— (no data here)',
      test: propaganda.measured ? propaganda.testFigure : '—',
      baseline: '—',
    },
  ];
  const tables = [
    propaganda.table,
    {
      title: `Unattributed claims — PolNeAR sentences (dev: train split, ${dev.articles} articles; test: dev split, ${test.articles}) (%)`,
      columns: ['detector', 'dev P', 'dev R', 'test P', 'test R', 'test F1'],
      rows: [
        claimRow('Loupe rules', dev.rules, test.rules),
        claimRow('cue phrases, no attribution checks', dev.phrasesOnly, test.phrasesOnly),
      ],
      notes: [
        `Gold: sentences holding an attribution whose source is vague or missing (quantified or bare plural sources, agentless "it is believed"): ${dev.rules.gold} dev / ${test.rules.gold} test of ${dev.rules.sentences} / ${test.rules.sentences} sentences.`,
        'Recall is low by design: most vague sources in news are routine ("officials said", "aides say"), which Loupe does not flag.',
      ],
    },
    {
      title: `Clickbait titles — held-out headlines (dev ${clickbait.dev.headlines}, test ${clickbait.test.headlines}) (%)`,
      columns: ['classifier', 'dev P', 'dev R', 'dev F1', 'test P', 'test R', 'test F1'],
      rows: clickbait.rows.map((r) => [
        r.name,
        pct(r.dev.precision),
        pct(r.dev.recall),
        pct(r.dev.f1),
        pct(r.test.precision),
        pct(r.test.recall),
        pct(r.test.f1),
      ]),
      notes: [
        'Labels come from the site a headline appeared on (BuzzFeed-style vs news wires), so these figures are for headline style, not for a title judged against its own article.',
      ],
    },
  ];
  return { tables, headline };
}

/** Lines of propaganda-rich news (PTC layout, see evaluate-propaganda.ts), when such data is present. */
async function propagandaTable(dataDir: string): Promise<{ table: EvalTable; measured: boolean; devFigure: string; testFigure: string }> {
  const dev = readPropaganda(dataDir, 'dev');
  const test = readPropaganda(dataDir, 'test');
  const title = 'Propaganda techniques — lines of propaganda-rich news articles (%)';
  const columns = ['pipeline', 'dev P', 'dev R', 'test P', 'test R'];
  if (!dev && !test) {
    const notes = [
      `NOT MEASURED: no propaganda-technique corpus at ${propagandaDir(dataDir, 'dev')} (SemEval-2020 Task 11 layout); the goal (precision 72 at recall 40) cannot be checked here.`,
    ];
    return { table: { title, columns, rows: [], notes }, measured: false, devFigure: '—', testFigure: '—' };
  }
  const rows: string[][] = [];
  for (const pipeline of sentencePipelines()) {
    const d = dev ? await scorePropaganda(dev, pipeline) : undefined;
    const t = test ? await scorePropaganda(test, pipeline) : undefined;
    rows.push([pipeline.name, pct(d?.precision), pct(d?.recall), pct(t?.precision), pct(t?.recall)]);
  }
  const [shipped] = rows;
  return {
    table: { title, columns, rows, notes: ['goal: precision ≥ 72 at recall ≥ 40 (a line is flagged when it gets an alerting flag).'] },
    measured: true,
    devFigure: `${shipped?.[1]} / ${shipped?.[2]}`,
    testFigure: `${shipped?.[3]} / ${shipped?.[4]}`,
  };
}
