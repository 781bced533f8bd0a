import { z } from 'zod';
import { evaluateEntities, type EntityScores } from './evaluate-entities';

const ArgsSchema = z.strictObject({
  data: z.string().optional(),
  out: z.string().optional(),
  buckets: z.coerce.number().int().min(1024).optional(),
  epochs: z.coerce.number().int().min(1).max(50).optional(),
  seed: z.coerce.number().int().nonnegative().optional(),
});

/** What the CLI needs of `trainEntities` (train-entities.ts passes it: an import back would be circular). */
type TrainEntities = (options: {
  dataDir?: string | undefined; outDir?: string | undefined; buckets?: number | undefined; maxEpochs?: number | undefined; seed?: number | undefined;
  log(line: string): void;
}) => Promise<{ modelPath: string; modelBytes: number; configPath: string; seconds: number }>;

/** `npx tsx models/training/entities/train-entities.ts [--data dir] [--buckets n] [--epochs n] [--seed n]` */
export async function runTrainEntitiesCli(argv: readonly string[], train: TrainEntities): Promise<void> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) raw[(argv[i] ?? '').replace(/^--/, '')] = argv[i + 1] ?? '';
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`bad arguments: ${parsed.error.message}\nusage: train-entities.ts [--data dir] [--out dir] [--buckets n] [--epochs n] [--seed n]`);
  const args = parsed.data;
  const result = await train({
    dataDir: args.data, outDir: args.out, buckets: args.buckets, maxEpochs: args.epochs, seed: args.seed,
    log: (line) => console.log(line),
  });
  console.log(`wrote ${result.modelPath} (${(result.modelBytes / 1e6).toFixed(2)} MB) and ${result.configPath} in ${result.seconds.toFixed(1)} s`);
  const files = { model: result.modelPath, config: result.configPath };
  const evaluation = await evaluateEntities(args.data, files);
  console.log(`\nexported model on eng.testa (${evaluation.documents} documents, ${evaluation.tokens} tokens, onnxruntime-node, own tokenisation):`);
  printScores('lite/entities', evaluation);
  printScores('compromise (PER/ORG/LOC only)', evaluation.compromise);
}

function printScores(name: string, scores: EntityScores): void {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  console.log(`  ${name}: P ${pct(scores.precision)} R ${pct(scores.recall)} F1 ${pct(scores.f1)}`);
  for (const [type, s] of Object.entries(scores.perType)) {
    console.log(`    ${type.padEnd(5)} P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}  (gold ${s.gold}, predicted ${s.predicted})`);
  }
}
