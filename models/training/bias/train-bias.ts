import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIAS_CATEGORIES } from '../../../shared/protocol/results';
import { type BiasClassifierConfig, padFeatureId } from '../../../shared/lite/bias-classifier/bias-classifier-config';
import { extractBiasFeatures } from '../../../shared/lite/bias-classifier/extract-bias-features';
import { bestThreshold } from './binary-metrics';
import { buildBiasOnnx } from './export-bias-onnx';
import { fitLogistic, type SparseExample } from './fit-logistic';
import { naiveBayesRatios, scaleByRatios } from './naive-bayes-ratios';
import { readBabe, type BabeSentence } from './read-babe';
import { BIAS_MODEL_DIR, DEFAULT_DATA_DIR } from './bias-paths';

export { BIAS_MODEL_DIR, DEFAULT_DATA_DIR };

const NB_ALPHA = 1;

/** Feature settings plus the L2 strength: one point of the tuning grid. */
export type BiasCandidate = Pick<BiasClassifierConfig, 'hashSize' | 'maxNgram' | 'charNgrams' | 'cueCategories' | 'cueValue' | 'normalize'> & { l2: number };

const FEATURES = { hashSize: 1 << 18, maxNgram: 2, charNgrams: { min: 3, max: 5 }, cueCategories: [...BIAS_CATEGORIES], cueValue: 0.1, normalize: true };
/** The grid searched by default, on BABE dev; a wider search (hash sizes, n-gram settings) is in MODEL_CARD.md. */
export const DEFAULT_GRID: readonly BiasCandidate[] = [1e-4, 2e-4, 3e-4].map((l2) => ({ ...FEATURES, l2 }));

export interface TrainBiasOptions {
  readonly dataDir?: string;
  readonly outDir?: string;
  readonly grid?: readonly BiasCandidate[];
  readonly log?: (line: string) => void;
}

export interface TrainBiasResult {
  readonly config: BiasClassifierConfig;
  readonly modelPath: string;
  readonly configPath: string;
  readonly modelBytes: number;
}

/**
 * Trains the lite bias classifier on BABE train: hashed word n-gram + character n-gram + cue
 * category features, Naive-Bayes-scaled, into L2 logistic regression fitted with L-BFGS
 * (deterministic: no sampling). Picks L2, features and threshold by macro-F1 on BABE dev, and
 * writes `bias-classifier.onnx` and `classifier-config.json` to `outDir`.
 */
export function trainBias(options: TrainBiasOptions = {}): TrainBiasResult {
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const log = options.log ?? (() => undefined);
  const train = readBabe(dataDir, 'train');
  const dev = readBabe(dataDir, 'dev');
  let best: { score: number; config: BiasClassifierConfig; weights: Float32Array; bias: number } | undefined;
  for (const candidate of options.grid ?? DEFAULT_GRID) {
    const config = baseConfig(candidate);
    const fitted = fitCandidate(config, candidate.l2, train, dev);
    log(`l2 ${candidate.l2} hash ${candidate.hashSize} n ${candidate.maxNgram} chars ${JSON.stringify(candidate.charNgrams)} ` +
      `cues ${candidate.cueCategories.length}: dev macro-F1 ${fitted.tuned.macroF1.toFixed(4)} at ${fitted.tuned.threshold}`);
    if (!best || fitted.tuned.macroF1 > best.score) {
      best = {
        score: fitted.tuned.macroF1,
        weights: fitted.weights,
        bias: fitted.bias,
        config: {
          ...config,
          threshold: fitted.tuned.threshold,
          training: { data: 'BABE train (babe/train.jsonl)', l2: candidate.l2, naiveBayesAlpha: NB_ALPHA, trainSentences: train.length, devMacroF1: round(fitted.tuned.macroF1) },
        },
      };
    }
  }
  if (!best) throw new Error('empty tuning grid: give trainBias at least one candidate');
  return writeModel(best.config, best.weights, best.bias, options.outDir ?? BIAS_MODEL_DIR);
}

function baseConfig(candidate: BiasCandidate): BiasClassifierConfig {
  const { l2: _l2, ...features } = candidate;
  return { modelId: 'lite/bias@1', modelFile: 'bias-classifier.onnx', hashSeed: 0x811c9dc5, maxFeatures: 2048, threshold: 0.5, maxCues: 4, minCueContribution: 0.05, ...features };
}

function fitCandidate(config: BiasClassifierConfig, l2: number, train: readonly BabeSentence[], dev: readonly BabeSentence[]) {
  const dimension = padFeatureId(config);
  const encode = (s: BabeSentence): SparseExample => {
    const features = extractBiasFeatures(s.text, { start: 0, end: s.text.length, text: s.text }, config);
    return { ids: features.ids, values: features.values, label: s.label };
  };
  const trainExamples = train.map(encode);
  const ratios = naiveBayesRatios(trainExamples, dimension, NB_ALPHA);
  const fit = fitLogistic(trainExamples.map((e) => scaleByRatios(e, ratios)), { dimension, l2 });
  // Fold the ratios into the weights: w·(r⊙x) = (w⊙r)·x, so inference needs no ratio table.
  const weights = fit.weights.map((w, i) => w * ratios[i]!);
  const probabilities = dev.map(encode).map((e) => {
    let z = fit.bias;
    for (let k = 0; k < e.ids.length; k++) z += weights[e.ids[k]!]! * e.values[k]!;
    return 1 / (1 + Math.exp(-z));
  });
  return { weights, bias: fit.bias, tuned: bestThreshold(probabilities, dev.map((s) => s.label)) };
}

function writeModel(config: BiasClassifierConfig, weights: Float32Array, bias: number, outDir: string): TrainBiasResult {
  mkdirSync(outDir, { recursive: true });
  const model = buildBiasOnnx(weights, bias);
  const modelPath = join(outDir, config.modelFile);
  const configPath = join(outDir, 'classifier-config.json');
  writeFileSync(modelPath, model);
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  return { config, modelPath, configPath, modelBytes: model.byteLength };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** `npm run train -- bias [--data dir] [--out dir]`, or `npx tsx models/training/bias/train-bias.ts`. */
export async function main(args: readonly string[]): Promise<number> {
  const { runTrainBiasCli } = await import('./train-bias-cli');
  return runTrainBiasCli(args, trainBias);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
