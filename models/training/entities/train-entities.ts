import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIO_LABELS } from '../../../shared/lite/entity-tagger/bio-labels';
import { FEATURES_PER_TOKEN, type HashingParams } from '../../../shared/lite/entity-tagger/extract-features';
import type { TaggerConfig } from '../../../shared/lite/entity-tagger/tagger-config';
import { createAveragedPerceptron, type EncodedSentence, type TaggerWeights } from './averaged-perceptron';
import { encodeDocuments, fitTemperature, scoreWeights } from './encode-conll';
import { conllDir } from './conll-dir';
import { buildEmissionGraph, quantiseRows } from './export-onnx';
import { readConll } from './read-conll';
import { seededRandom } from '../seeded-random';

/** What `trainEntities` can be told; every field has a default. */
export interface TrainEntitiesOptions {
  /** Folder with eng.train and eng.testa (default ../shared/data/conll2003). */
  readonly dataDir?: string;
  /** Where model.onnx and tagger-config.json go (default models/lite/entities). */
  readonly outDir?: string;
  readonly buckets?: number;
  readonly maxEpochs?: number;
  /** Seeds both the shuffling and the feature hash. */
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

/** What training produced. */
export interface TrainEntitiesResult {
  readonly bestEpoch: number;
  /** Span F1 on eng.testa of the float weights with gold tokens (the exported model is measured separately). */
  readonly devF1: number;
  readonly modelPath: string;
  readonly configPath: string;
  readonly modelBytes: number;
  readonly seconds: number;
}

const DEFAULT_OUT = fileURLToPath(new URL('../../lite/entities', import.meta.url));

/**
 * Trains the lite entity tagger (averaged structured perceptron over hashed features, BIO
 * Viterbi) on CoNLL-2003 eng.train, picks the epoch with the best span F1 on eng.testa, and
 * writes models/lite/entities/{model.onnx, tagger-config.json}. Deterministic for a given seed.
 */
export async function trainEntities(options: TrainEntitiesOptions = {}): Promise<TrainEntitiesResult> {
  const began = performance.now();
  const log = options.log ?? (() => {});
  const dataDir = conllDir(options.dataDir);
  const seed = options.seed ?? 1996;
  const hashing: HashingParams = { buckets: options.buckets ?? 2 ** 18, seed };
  const train = encodeDocuments(readConll(join(dataDir, 'eng.train')), hashing);
  const dev = encodeDocuments(readConll(join(dataDir, 'eng.testa')), hashing);
  log(`encoded ${train.length} train and ${dev.length} dev sentences (${FEATURES_PER_TOKEN} features per token, ${hashing.buckets} buckets)`);
  const best = runEpochs(train, dev, hashing, options.maxEpochs ?? 15, seed, log);
  const temperature = fitTemperature(best.weights, dev.filter((_, i) => i % 4 === 0));
  log(`best epoch ${best.epoch}: dev span F1 ${best.f1.toFixed(4)} (float weights, gold tokens); score temperature ${temperature}`);
  const outDir = resolve(options.outDir ?? DEFAULT_OUT);
  mkdirSync(outDir, { recursive: true });
  const io = { input: 'feature_ids', output: 'emissions' };
  const onnxBytes = buildEmissionGraph(quantiseRows(best.weights.emission, hashing.buckets + 1, BIO_LABELS.length), FEATURES_PER_TOKEN, io);
  const modelPath = join(outDir, 'model.onnx');
  const configPath = join(outDir, 'tagger-config.json');
  writeFileSync(modelPath, onnxBytes);
  writeFileSync(configPath, `${JSON.stringify(configOf(best.weights, hashing, temperature, io), null, 2)}\n`);
  const seconds = (performance.now() - began) / 1000;
  return { bestEpoch: best.epoch, devF1: best.f1, modelPath, configPath, modelBytes: onnxBytes.length, seconds };
}

function runEpochs(train: EncodedSentence[], dev: EncodedSentence[], hashing: HashingParams, maxEpochs: number, seed: number, log: (line: string) => void) {
  const perceptron = createAveragedPerceptron(BIO_LABELS, hashing.buckets + 1, FEATURES_PER_TOKEN, hashing.buckets);
  const random = seededRandom(seed);
  const order = train.map((_, i) => i);
  let best = { epoch: 0, f1: -1, weights: perceptron.averaged() };
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    shuffle(order, random);
    for (const i of order) perceptron.learn(train[i] as EncodedSentence);
    const weights = perceptron.averaged();
    const { overall } = scoreWeights(weights, dev);
    log(`epoch ${epoch}: dev P ${overall.precision.toFixed(4)} R ${overall.recall.toFixed(4)} F1 ${overall.f1.toFixed(4)}`);
    if (overall.f1 > best.f1) best = { epoch, f1: overall.f1, weights };
    else if (epoch - best.epoch >= 3) break;
  }
  return best;
}

function configOf(weights: TaggerWeights, hashing: HashingParams, temperature: number, io: { input: string; output: string }): TaggerConfig {
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    format: 'loupe-entity-tagger',
    modelId: 'lite/entities@1',
    labels: [...BIO_LABELS],
    transitions: weights.chain.transitions.map((row) => row.map(round)),
    start: weights.chain.start.map(round),
    hashing: { buckets: hashing.buckets, seed: hashing.seed, featuresPerToken: FEATURES_PER_TOKEN },
    scoreTemperature: temperature,
    io,
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as number, items[i] as number];
  }
}

/** Entry point for `npm run train -- entities [options]`: trains, exports, evaluates; returns an exit code. */
export async function main(args: string[]): Promise<number> {
  const { runTrainEntitiesCli } = await import('./train-entities-cli');
  try {
    await runTrainEntitiesCli(args, trainEntities);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
