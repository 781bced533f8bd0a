import { z } from 'zod';
import { evaluateEntities, type EntityScores } from './evaluate-entities';
import { DEFAULT_DATA_DIR, DEFAULT_MIX, type TrainingMix } from './entity-corpora';

const ArgsSchema = z.strictObject({
  data: z.string().optional(),
  out: z.string().optional(),
  buckets: z.coerce.number().int().min(1024).optional(),
  epochs: z.coerce.number().int().min(1).max(50).optional(),
  seed: z.coerce.number().int().nonnegative().optional(),
  conll: z.coerce.number().int().min(0).max(10).default(DEFAULT_MIX.conll),
  wiki: z.coerce.number().int().min(0).max(10).default(DEFAULT_MIX.wiki),
  social: z.coerce.number().int().min(0).max(10).default(DEFAULT_MIX.social),
});

const USAGE = 'usage: train-entities.ts [--data dir] [--out dir] [--buckets n] [--epochs n] [--seed n] [--conll n] [--wiki n] [--social n]';

/** What the CLI needs of `trainEntities` (train-entities.ts passes it: an import back would be circular). */
type TrainEntities = (options: {
  dataDir?: string | undefined;
  outDir?: string | undefined;
  buckets?: number | undefined;
  maxEpochs?: number | undefined;
  seed?: number | undefined;
  mix?: TrainingMix;
  log(line: string): void;
}) => Promise<{ modelPath: string; modelBytes: number; configPath: string; configBytes: number; seconds: number }>;

/** `npm run train -- entities [options]`; the mix options say how many times per epoch each source is seen. */
export async function runTrainEntitiesCli(argv: readonly string[], train: TrainEntities): Promise<void> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) raw[(argv[i] ?? '').replace(/^--/, '')] = argv[i + 1] ?? '';
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`bad arguments: ${parsed.error.message}\n${USAGE}`);
  const args = parsed.data;
  const result = await train({
    dataDir: args.data,
    outDir: args.out,
    buckets: args.buckets,
    maxEpochs: args.epochs,
    seed: args.seed,
    mix: { conll: args.conll, wiki: args.wiki, social: args.social },
    log: (line) => console.log(line),
  });
  console.log(
    `wrote ${result.modelPath} (${(result.modelBytes / 1e6).toFixed(2)} MB) and ${result.configPath} (${(result.configBytes / 1e6).toFixed(2)} MB) in ${result.seconds.toFixed(1)} s`,
  );
  const evaluation = await evaluateEntities(args.data ?? DEFAULT_DATA_DIR, { model: result.modelPath, config: result.configPath });
  console.log(`\nexported model ${evaluation.model} (onnxruntime-node, own tokenisation), dev sets only:`);
  for (const set of evaluation.sets.filter((s) => s.part === 'dev')) {
    console.log(`${set.set} (${set.documents} documents, ${set.tokens} tokens; ${set.types.join('/')}):`);
    printScores('lite/entities', set.model);
    printScores('compromise (PER/ORG/LOC only)', set.compromise);
  }
}

function printScores(name: string, scores: EntityScores): void {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  console.log(`  ${name}: P ${pct(scores.precision)} R ${pct(scores.recall)} F1 ${pct(scores.f1)}`);
  for (const [type, s] of Object.entries(scores.perType)) {
    console.log(
      `    ${type.padEnd(5)} P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}  (gold ${s.gold}, predicted ${s.predicted})`,
    );
  }
}
