/**
 * Builds the full tier's four models at their real sizes, with random weights, into the bench
 * cache (`.bench-cache/` at the repository root, git-ignored), once: later runs reuse them.
 * About 0.5 GB of q8 weights and a few seconds of CPU; fp32 (for a GPU) about 2.4 GB.
 * Run alone: npx tsx test/bench/real-size/build-real-size-models.ts [q8|fp32]...
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeModelFiles, type ModelFiles } from '../../fixtures/synthetic-models/model-files';
import { bertNerFiles } from './build-bert-ner';
import { debertaNliFiles } from './build-deberta-nli';
import { distilbartFiles } from './build-distilbart';
import { distilvitFiles } from './build-distilvit';

export type BenchDtype = 'q8' | 'fp32';

/** Bumped whenever a builder changes, so stale caches are rebuilt. */
const BUILD_VERSION = 1;
export const BENCH_CACHE = fileURLToPath(new URL(`../../../.bench-cache/real-size-v${BUILD_VERSION}`, import.meta.url));

const BUILDERS: Record<string, (dtypes: readonly BenchDtype[]) => ModelFiles> = {
  'Xenova/bert-base-NER': bertNerFiles,
  'Xenova/nli-deberta-v3-xsmall': debertaNliFiles,
  'Xenova/distilbart-cnn-6-6': distilbartFiles,
  'Mozilla/distilvit': distilvitFiles,
};

/** The model folders by catalogue id, built for `dtype` when not in the cache yet. */
export async function realSizeModels(dtype: BenchDtype, log: (line: string) => void = () => undefined): Promise<Record<string, string>> {
  const dirs: Record<string, string> = {};
  for (const [id, build] of Object.entries(BUILDERS)) {
    const dir = path.join(BENCH_CACHE, dtype, id);
    dirs[id] = dir;
    const done = path.join(dir, '.complete');
    if (existsSync(done)) continue;
    const began = performance.now();
    await rm(dir, { recursive: true, force: true });
    await writeModelFiles(dir, build([dtype]));
    await writeFile(done, new Date().toISOString());
    log(`built ${id} (${dtype}, random weights at the real size) in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
  return dirs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dtypes = process.argv.slice(2).filter((a): a is BenchDtype => a === 'q8' || a === 'fp32');
  for (const dtype of dtypes.length ? dtypes : (['q8'] as const)) console.log(await realSizeModels(dtype, console.log));
}
