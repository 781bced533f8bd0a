import { z } from 'zod';
import { DEFAULT_DATA_DIR } from './bias-paths';

const ArgsSchema = z.strictObject({ data: z.string().optional(), out: z.string().optional() });
const USAGE = 'usage: npm run train -- bias [--data dir-holding-babe-and-clickbait] [--out model-dir]';

/** What the CLI needs of `trainBias` (train-bias.ts passes it: an import back would be circular). */
type TrainBias = (options: {
  dataDir: string;
  outDir?: string | undefined;
  log(line: string): void;
}) => Promise<{ modelPath: string; modelBytes: number; configPath: string }>;

/** Parses arguments and trains. */
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
  const result = await train({ dataDir, outDir: parsed.data.out, log: (line) => console.log(line) });
  console.log(
    `wrote ${result.modelPath} (${(result.modelBytes / 1e6).toFixed(2)} MB) and ${result.configPath} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log('measure it with `npm run eval -- bias`');
  return 0;
}
