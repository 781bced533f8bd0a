import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BiasClassifierConfig } from '../../../shared/lite/bias-classifier/bias-classifier-config';
import { scoreLoadedWords } from '../../../shared/lite/bias-classifier/score-loaded-words';
import { trainClickbaitHead, type ClickbaitFit } from '../clickbait/train-clickbait-head';
import { BIAS_MODEL_DIR, DEFAULT_DATA_DIR } from './bias-paths';
import { buildBiasOnnx } from './export-bias-onnx';
import { fitLogistic } from './fit-logistic';
import { babePart } from './held-out-split';
import { createLinearRunner } from './linear-runner';
import { asLines } from './eval/sentence-pipelines';
import { readWeasel } from './eval/read-weasel';
import { readBabe, type BabeSentence } from './read-babe';
import { readWikigoldSentences } from './read-wikigold';
import { TARGET_NEUTRAL_RATE, TARGET_PRECISION, tuneBiasThresholds, type TunedThresholds } from './tune-bias-thresholds';
import { wordExamples } from './word-examples';

export { BIAS_MODEL_DIR, DEFAULT_DATA_DIR };

const WORD_BUCKETS = 1 << 18;
const CLICKBAIT_BUCKETS = 1 << 16;
const SEED = 0x811c9dc5;
/** The L2 strengths tried, on BABE dev. */
export const DEFAULT_L2_GRID: readonly number[] = [2e-5, 3e-5, 5e-5, 8e-5];

export interface TrainBiasOptions {
  readonly dataDir?: string;
  readonly outDir?: string;
  readonly l2Grid?: readonly number[];
  readonly log?: (line: string) => void;
}

export interface TrainBiasResult {
  readonly config: BiasClassifierConfig;
  readonly modelPath: string;
  readonly configPath: string;
  readonly modelBytes: number;
}

/**
 * Trains the lite bias model: a loaded-word classifier on BABE's annotated words (BABE train
 * less Loupe's held-out fifth) and Wikigold's encyclopedic sentences as neutral words, with
 * names and numbers masked, whose thresholds are tuned for precision first on BABE dev and for
 * the open web on WikiWeasel's dev documents; and the clickbait head on the MIT headline set. Both live in
 * one weight table, exported as `bias-classifier.onnx` with `classifier-config.json` in
 * `outDir`. Deterministic: full-batch L-BFGS, no sampling.
 */
export async function trainBias(options: TrainBiasOptions = {}): Promise<TrainBiasResult> {
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const log = options.log ?? (() => undefined);
  const train = readBabe(dataDir, 'train').filter((s) => babePart(s.text) === 'train');
  const encyclopedic = readWikigoldSentences(dataDir).map((text) => ({ text, label: 0 as const, biasedWords: [] }));
  const dev = readBabe(dataDir, 'dev');
  const neutralDev = readWeasel(dataDir, 'dev').flatMap((d) => d.sentences.filter((s) => s.cues.length === 0).map((s) => s.text));
  const base = baseConfig();
  const examples = wordExamples([...train, ...encyclopedic], base);
  log(
    `BABE train (less the held-out fifth): ${train.length} sentences, Wikigold: ${encyclopedic.length}; ${examples.length} candidate words, ${examples.filter((e) => e.label === 1).length} marked loaded`,
  );
  let best: { l2: number; weights: Float32Array; bias: number; tuned: TunedThresholds } | undefined;
  for (const l2 of options.l2Grid ?? DEFAULT_L2_GRID) {
    const fit = fitLogistic(examples, { dimension: WORD_BUCKETS, l2 });
    const tuned = await tuneOn(dev, neutralDev, base, fit.weights, fit.bias);
    log(
      `l2 ${l2}: BABE dev P ${tuned.precision.toFixed(3)} R ${tuned.recall.toFixed(3)} macro-F1 ${tuned.macroF1.toFixed(4)}, ` +
        `neutral Wikipedia dev ${(100 * tuned.neutralRate).toFixed(2)} % flagged, at cue ${tuned.cueThreshold} / sentence ${tuned.threshold}`,
    );
    if (
      !best ||
      meetsTargets(tuned) > meetsTargets(best.tuned) ||
      (meetsTargets(tuned) === meetsTargets(best.tuned) && tuned.macroF1 > best.tuned.macroF1 + 1e-12)
    ) {
      best = { l2, weights: fit.weights, bias: fit.bias, tuned };
    }
  }
  if (!best) throw new Error('empty L2 grid: give trainBias at least one value');
  const clickbait = trainClickbaitHead(
    dataDir,
    { offset: WORD_BUCKETS, size: CLICKBAIT_BUCKETS, interceptId: WORD_BUCKETS + CLICKBAIT_BUCKETS },
    SEED,
  );
  log(
    `clickbait head: ${clickbait.trainHeadlines} headlines; dev P ${clickbait.dev.precision.toFixed(3)} R ${clickbait.dev.recall.toFixed(3)} at ${clickbait.head.threshold}`,
  );
  const config: BiasClassifierConfig = {
    ...base,
    cueThreshold: best.tuned.cueThreshold,
    threshold: best.tuned.threshold,
    clickbait: clickbait.head,
    training: {
      words:
        'BABE train less a held-out fifth (babe/train.jsonl, annotated biased words); Wikigold sentences as neutral words (ner-web, CC BY 4.0)',
      calibration: `thresholds on BABE dev (precision >= ${TARGET_PRECISION}) and WikiWeasel dev documents without uncertainty cues (<= ${100 * TARGET_NEUTRAL_RATE} % flagged)`,
      l2: best.l2,
      trainSentences: train.length,
      devPrecision: round(best.tuned.precision),
      devRecall: round(best.tuned.recall),
      devMacroF1: round(best.tuned.macroF1),
      neutralDevRate: round(best.tuned.neutralRate),
      clickbait: 'clickbait/headlines.jsonl (MIT), train part',
      clickbaitHeadlines: clickbait.trainHeadlines,
    },
  };
  return writeModel(config, joinWeights(best.weights, best.bias, clickbait), best.bias, options.outDir ?? BIAS_MODEL_DIR);
}

function meetsTargets(t: TunedThresholds): number {
  return Number(t.precision >= TARGET_PRECISION && t.neutralRate <= TARGET_NEUTRAL_RATE);
}

function baseConfig(): BiasClassifierConfig {
  return {
    modelId: 'lite/bias@2',
    modelFile: 'bias-classifier.onnx',
    hashSize: WORD_BUCKETS,
    hashSeed: SEED,
    charNgrams: { min: 3, max: 5 },
    charValue: 0.5,
    contextValue: 0,
    cueThreshold: 0.5,
    strongCue: 0.5,
    threshold: 0.5,
    maxCues: 4,
    featureCount: WORD_BUCKETS + CLICKBAIT_BUCKETS + 1,
  };
}

async function tuneOn(
  dev: readonly BabeSentence[],
  neutral: readonly string[],
  config: BiasClassifierConfig,
  weights: Float32Array,
  bias: number,
): Promise<TunedThresholds> {
  const runner = createLinearRunner(weights, bias);
  const score = (sentences: readonly string[]) => {
    const { text, spans } = asLines(sentences);
    return scoreLoadedWords(runner, config, text, spans);
  };
  return tuneBiasThresholds(
    await score(dev.map((s) => s.text)),
    dev.map((s) => s.label),
    await score(neutral),
    config,
  );
}

/** One table: word weights, then the clickbait head's, then its intercept less the shared bias. */
function joinWeights(words: Float32Array, bias: number, clickbait: ClickbaitFit): Float32Array {
  const table = new Float32Array(WORD_BUCKETS + CLICKBAIT_BUCKETS + 1);
  table.set(words, 0);
  table.set(clickbait.weights, WORD_BUCKETS);
  table[clickbait.head.interceptId] = clickbait.intercept - bias;
  return table;
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
