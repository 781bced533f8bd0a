import { evaluateBias, type NeutralRate, type SwapScores } from '../../../models/training/bias/eval/evaluate-bias';
import { pct } from '../format-table';
import type { TaskReport } from '../headline-row';

const rate = (r: NeutralRate) => (r.sentences === 0 ? Number.NaN : r.flagged / r.sentences);
const kept = (s: SwapScores) => (s.sentences === 0 ? Number.NaN : s.unchanged / s.sentences);

/**
 * The bias flags as a reader meets them: precision and macro-F1 on BABE news sentences (dev,
 * and Loupe's held-out test fifth), the flag rate on text that should be neutral, and whether
 * a name swap changes any decision — Loupe as shipped beside the model alone, the rules alone
 * and the previous model, all in the same run.
 */
export async function biasTables(dataDir: string): Promise<TaskReport> {
  const results = await evaluateBias(dataDir);
  const [shipped] = results;
  const babe = results[0]!.babe;
  const previous = results.find((r) => r.name.includes('previous'))!;
  const headline = [
    {
      what: 'bias flags, precision on news sentences (BABE)',
      dev: pct(babe.dev.precision),
      test: pct(babe.test.precision),
      baseline: `lite/bias@1 ${pct(previous.babe.dev.precision)} (dev)`,
    },
    {
      what: 'bias flags, macro-F1 on news sentences (BABE)',
      dev: pct(babe.dev.macroF1),
      test: pct(babe.test.macroF1),
      baseline: `lite/bias@1 ${pct(previous.babe.dev.macroF1)} (dev)`,
    },
    {
      what: 'bias flags on neutral Wikipedia sentences (no uncertainty cue)',
      dev: `${pct(rate(shipped!.neutral.weaselDev))} %`,
      test: `${pct(rate(shipped!.neutral.weaselTest))} %`,
      baseline: `lite/bias@1 ${pct(rate(previous.neutral.weaselTest))} %`,
    },
    {
      what: 'bias decision unchanged when names are swapped (BABE news sentences)',
      dev: `${pct(kept(shipped!.nameSwap.babeDev), 2)} %`,
      test: `${pct(kept(shipped!.nameSwap.babeTest), 2)} %`,
      baseline: `lite/bias@1 ${pct(kept(previous.nameSwap.babeTest), 2)} %`,
    },
  ];
  const tables = [
    {
      title: `Bias — BABE news sentences: precision first (dev ${babe.dev.sentences}, held-out test ${babe.test.sentences}) (%)`,
      columns: ['pipeline', 'dev P', 'dev R', 'dev macro-F1', 'test P', 'test R', 'test macro-F1'],
      rows: results.map((r) => [
        r.name,
        pct(r.babe.dev.precision),
        pct(r.babe.dev.recall),
        pct(r.babe.dev.macroF1),
        pct(r.babe.test.precision),
        pct(r.babe.test.recall),
        pct(r.babe.test.macroF1),
      ]),
      notes: [
        'A sentence counts as flagged when it gets any flag a reader is alerted to (vague-claim hints are quiet and not counted).',
        `goal: precision ≥ 85 with macro-F1 ≥ 70 on the held-out test part (${shipped && shipped.babe.test.precision >= 0.85 && shipped.babe.test.macroF1 >= 0.7 ? 'met' : 'NOT met'}); dev chose the thresholds.`,
        'lite/bias@1 was trained on all of BABE train, test part included: its test columns are not held out for it.',
      ],
    },
    {
      title: 'Bias — flag rate on text that should read as neutral (%)',
      columns: [
        'pipeline',
        'Wikipedia no-cue, dev',
        'Wikipedia no-cue, test',
        'test, only as unattributed claims',
        'CNN/DM sentences',
        'quiet vague-claim hints, Wikipedia test',
      ],
      rows: results.map((r) => [
        r.name,
        pct(rate(r.neutral.weaselDev)),
        pct(rate(r.neutral.weaselTest)),
        pct(r.neutral.weaselTest.claimsOnly / Math.max(1, r.neutral.weaselTest.sentences)),
        pct(rate(r.neutral.cnndm)),
        pct(r.neutral.weaselTest.quiet / Math.max(1, r.neutral.weaselTest.sentences)),
      ]),
      notes: [
        `Wikipedia: WikiWeasel sentences without an uncertainty cue (${shipped?.neutral.weaselDev.sentences ?? 0} dev, ${shipped?.neutral.weaselTest.sentences ?? 0} test, halves by document); CNN/DM: ${shipped?.neutral.cnndm.sentences ?? 0} sentences of 100 articles (news, mostly but not all neutral).`,
        'WikiWeasel 2.0 marks uncertainty cues ("may", "is thought"), not vague sources: its "no-cue" sentences still hold "some say", "it has been argued", which Loupe flags as unattributed claims on purpose (the column beside test).',
        `goal: at most 3 % of neutral encyclopedic sentences flagged (${shipped && rate(shipped.neutral.weaselTest) <= 0.03 ? 'met' : 'NOT met'} on test).`,
      ],
    },
    {
      title: 'Bias — the same decision after swapping names for made-up ones (%)',
      columns: ['pipeline', 'BABE dev', 'BABE test', 'CNN/DM'],
      rows: results.map((r) => [
        r.name,
        pct(kept(r.nameSwap.babeDev), 2),
        pct(kept(r.nameSwap.babeTest), 2),
        pct(kept(r.nameSwap.cnndm), 2),
      ]),
      notes: [
        `Over sentences with at least one name (${shipped?.nameSwap.babeDev.sentences ?? 0} / ${shipped?.nameSwap.babeTest.sentences ?? 0} / ${shipped?.nameSwap.cnndm.sentences ?? 0}): capitalised words inside a sentence and a list of prominent names (CNN/DM is lower-cased).`,
        `goal: ≥ 99 % unchanged (${shipped && Math.min(kept(shipped.nameSwap.babeTest), kept(shipped.nameSwap.cnndm)) >= 0.99 ? 'met' : 'NOT met'}).`,
      ],
    },
    {
      title: 'Vague claims — quiet hints on Wikipedia sentences with an uncertainty cue (%)',
      columns: ['pipeline', 'dev', 'test'],
      rows: results
        .slice(0, 1)
        .concat(results.filter((r) => r.name.startsWith('rules')))
        .map((r) => [r.name, pct(r.hedgeRecall.dev), pct(r.hedgeRecall.test)]),
      notes: [
        'Recall of the quiet vague-claim hint against WikiWeasel cue sentences; most of its cues are plain modals ("may", "would") that Loupe leaves alone on purpose.',
      ],
    },
  ];
  return { tables, headline };
}
