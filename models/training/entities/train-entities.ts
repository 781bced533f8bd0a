import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIO_LABELS } from '../../../shared/lite/entity-tagger/bio-labels';
import { FEATURES_PER_TOKEN, type HashingParams } from '../../../shared/lite/entity-tagger/extract-features';
import { writeNameLexicon } from '../../../shared/lite/entity-tagger/name-lexicon';
import type { TaggerConfig } from '../../../shared/lite/entity-tagger/tagger-config';
import { createAveragedPerceptron, type TaggerWeights } from './averaged-perceptron';
import type { LexiconTable } from './build-name-lexicon';
import { encodeCorpora, type EncodedCorpora } from './encode-corpora';
import { fitTemperature, scoreWeights } from './encode-conll';
import { DEFAULT_DATA_DIR, DEFAULT_MIX, readEntityCorpora, type TrainingMix } from './entity-corpora';
import { buildEmissionGraph, quantiseRows } from './export-onnx';
import { seededRandom } from '../seeded-random';

/** What `trainEntities` can be told; every field has a default. */
export interface TrainEntitiesOptions {
  /** The shared data folder holding conll2003/ and ner-web/ (default ../shared/data). */
  readonly dataDir?: string;
  /** Where model.onnx and tagger-config.json go (default models/lite/entities). */
  readonly outDir?: string;
  readonly buckets?: number;
  readonly maxEpochs?: number;
  /** Seeds both the shuffling and the feature hash. */
  readonly seed?: number;
  /** How many times per epoch each source is seen. */
  readonly mix?: TrainingMix;
  readonly log?: (line: string) => void;
}

/** What training produced. */
export interface TrainEntitiesResult {
  readonly bestEpoch: number;
  /** Mean span F1 over the dev sets of the float weights (the exported model is measured separately). */
  readonly devF1: number;
  readonly modelPath: string;
  readonly configPath: string;
  readonly modelBytes: number;
  readonly configBytes: number;
  readonly seconds: number;
}

/** Catalogue id and version of the model this trainer writes. */
export const ENTITY_MODEL_ID = 'lite/entities@2';
const DEFAULT_OUT = fileURLToPath(new URL('../../lite/entities', import.meta.url));

/**
 * Trains the lite entity tagger (averaged structured perceptron over hashed features and a
 * jackknifed name lexicon, BIO Viterbi) on CoNLL-2003 eng.train, the training part of Wikigold
 * and of the social-media sets; picks the epoch with the best mean span F1 over the dev sets
 * (eng.testa and the dev parts of the web sets); writes models/lite/entities/{model.onnx,
 * tagger-config.json}. Deterministic for a given seed. Never reads a test part.
 */
export async function trainEntities(options: TrainEntitiesOptions = {}): Promise<TrainEntitiesResult> {
  const began = performance.now();
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 1996;
  const hashing: HashingParams = { buckets: options.buckets ?? 2 ** 18, seed };
  const corpora = readEntityCorpora(resolve(options.dataDir ?? DEFAULT_DATA_DIR), options.mix ?? DEFAULT_MIX);
  log(
    `training on ${corpora.train.map((s) => `${s.name} ×${s.repeat}`).join(', ')}; ${FEATURES_PER_TOKEN} features per token, ${hashing.buckets} buckets`,
  );
  const encoded = encodeCorpora(corpora, hashing, log);
  const best = runEpochs(encoded, hashing, options.maxEpochs ?? 15, seed, log);
  const calibration = encoded.dev.flatMap((d) => d.sentences).filter((_, i) => i % 4 === 0);
  const temperature = fitTemperature(best.weights, calibration);
  log(`best epoch ${best.epoch}: mean dev span F1 ${best.f1.toFixed(4)} (float weights); score temperature ${temperature}`);
  const outDir = resolve(options.outDir ?? DEFAULT_OUT);
  mkdirSync(outDir, { recursive: true });
  const io = { input: 'feature_ids', output: 'emissions' };
  const onnxBytes = buildEmissionGraph(quantiseRows(best.weights.emission, hashing.buckets + 1, BIO_LABELS.length), FEATURES_PER_TOKEN, io);
  const modelPath = join(outDir, 'model.onnx');
  const configPath = join(outDir, 'tagger-config.json');
  const configText = `${JSON.stringify(configOf(best.weights, hashing, encoded.lexicon, temperature, io))}\n`;
  writeFileSync(modelPath, onnxBytes);
  writeFileSync(configPath, configText);
  const seconds = (performance.now() - began) / 1000;
  return {
    bestEpoch: best.epoch,
    devF1: best.f1,
    modelPath,
    configPath,
    modelBytes: onnxBytes.length,
    configBytes: configText.length,
    seconds,
  };
}

function runEpochs(encoded: EncodedCorpora, hashing: HashingParams, maxEpochs: number, seed: number, log: (line: string) => void) {
  const perceptron = createAveragedPerceptron(BIO_LABELS, hashing.buckets + 1, FEATURES_PER_TOKEN, hashing.buckets);
  const random = seededRandom(seed);
  const order = [...encoded.epoch];
  let best = { epoch: 0, f1: -1, weights: perceptron.averaged() };
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    shuffle(order, random);
    for (const i of order) perceptron.learn(encoded.sentences[i]!);
    const weights = perceptron.averaged();
    const scores = encoded.dev.map(({ set, sentences }) => ({
      name: set.name,
      f1: scoreWeights(weights, sentences, set.types).overall.f1,
    }));
    const mean = scores.reduce((sum, s) => sum + s.f1, 0) / scores.length;
    log(`epoch ${epoch}: dev F1 ${scores.map((s) => `${s.name} ${s.f1.toFixed(4)}`).join(', ')}; mean ${mean.toFixed(4)}`);
    if (mean > best.f1) best = { epoch, f1: mean, weights };
    else if (epoch - best.epoch >= 3) break;
  }
  return best;
}

function configOf(
  weights: TaggerWeights,
  hashing: HashingParams,
  lexicon: LexiconTable,
  temperature: number,
  io: { input: string; output: string },
): TaggerConfig {
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    format: 'loupe-entity-tagger',
    modelId: ENTITY_MODEL_ID,
    labels: [...BIO_LABELS],
    transitions: weights.chain.transitions.map((row) => row.map(round)),
    start: weights.chain.start.map(round),
    hashing: { buckets: hashing.buckets, seed: hashing.seed, featuresPerToken: FEATURES_PER_TOKEN },
    lexicon: writeNameLexicon(lexicon.table, lexicon.seed, lexicon.maxPhraseTokens),
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
