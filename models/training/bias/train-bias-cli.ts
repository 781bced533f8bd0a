import { z } from 'zod';
import { evaluateBias } from './evaluate-bias';
import type { BinaryScores } from './binary-metrics';
import { DEFAULT_DATA_DIR } from './bias-paths';

const ArgsSchema = z.strictObject({ data: z.string().optional(), out: z.string().optional() });
const USAGE = 'usage: train-bias.ts [--data dir-holding-babe-and-wnc] [--out model-dir]';

/** What the CLI needs of `trainBias` (train-bias.ts passes it: an import back would be circular). */
type TrainBias = (options: { dataDir: string; outDir?: string | undefined; log(line: string): void }) => { modelPath: string; modelBytes: number; configPath: string };

/** Parses arguments, trains, then evaluates the exported model. */
export async function runTrainBiasCli(argv: readonly string[], train: TrainBias): Promise<number> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) raw[(argv[i] ?? '').replace(/^--/, '')] = argv[i + 1] ?? '';
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) {
    console.error(`bad arguments: ${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`);
    return 2;
  }
  const dataDir = parsed.data.data ?? DEFAULT_DATA_DIR;
  const started = Date.now();
  const result = train({ dataDir, outDir: parsed.data.out, log: (line) => console.log(line) });
  console.log(`wrote ${result.modelPath} (${(result.modelBytes / 1e6).toFixed(2)} MB) and ${result.configPath} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const evaluation = await evaluateBias(dataDir, parsed.data.out);
  console.log(`\nexported model, BABE dev (${evaluation.model.sentences} sentences, threshold ${evaluation.model.threshold}):`);
  printScores('lite/bias', evaluation.model);
  printScores('flagBiasByRules', evaluation.rulesBaseline);
  const w = evaluation.wnc;
  console.log(`WNC test pairs: biased original scores higher in ${(100 * w.biasedScoresHigher).toFixed(1)}% of ${w.pairs} pairs (${w.ties} ties)`);
  for (const [set, s] of Object.entries(w.bySet)) console.log(`  ${set}: ${(100 * s.biasedScoresHigher).toFixed(1)}% of ${s.pairs}`);
  return 0;
}

function printScores(name: string, s: BinaryScores): void {
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`  ${name.padEnd(16)} macro-F1 ${pct(s.macroF1)}  accuracy ${pct(s.accuracy)}  ` +
    `biased P/R ${pct(s.perClass.biased.precision)}/${pct(s.perClass.biased.recall)}  ` +
    `non-biased P/R ${pct(s.perClass.nonBiased.precision)}/${pct(s.perClass.nonBiased.recall)}`);
}
