import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Span } from '../../../shared/protocol/results';
import { flagBiasByRules } from '../../../shared/lite/flag-bias-by-rules';
import { scoreBiasSentences } from '../../../shared/lite/bias-classifier/score-bias-sentences';
import { binaryScores, type BinaryScores } from './binary-metrics';
import { loadBiasClassifier } from './ort-bias-runner';
import { readBabe } from './read-babe';
import { BIAS_MODEL_DIR } from './bias-paths';

export interface BiasEvaluation {
  /** The exported ONNX model at its configured threshold, on BABE dev. */
  readonly model: BinaryScores & { readonly threshold: number; readonly sentences: number };
  /** `flagBiasByRules` on BABE dev: a sentence counts as biased when it gets any flag. */
  readonly rulesBaseline: BinaryScores;
  /** WNC test pairs: how often the biased original scores above its neutral edit. */
  readonly wnc: WncScores & { readonly bySet: Readonly<Record<string, WncScores>> };
}

export interface WncScores {
  readonly pairs: number;
  /** Fraction of pairs where the biased original gets the higher probability. */
  readonly biasedScoresHigher: number;
  readonly ties: number;
}

/**
 * Measures the exported bias model (through onnxruntime-node, exactly as shipped) on BABE dev
 * against the rule baseline, and on WNC's biased → neutral test pairs (pre.test/post.test and the
 * single-word-edit biased.word.test). Prints nothing.
 */
export async function evaluateBias(dataDir: string, modelDir: string = BIAS_MODEL_DIR): Promise<BiasEvaluation> {
  const dev = readBabe(resolve(dataDir), 'dev');
  const { config, runner } = loadBiasClassifier(modelDir);
  const probabilities = await probabilitiesOf(dev.map((s) => s.text), runner, config);
  const labels = dev.map((s) => s.label);
  const rules = dev.map((s) => flagBiasByRules(s.text, [whole(s.text)]).length > 0);
  const pairs = readWncPairs(resolve(dataDir));
  const pre = await probabilitiesOf(pairs.map((p) => p.biased), runner, config);
  const post = await probabilitiesOf(pairs.map((p) => p.neutral), runner, config);
  const compare = (keep: (set: string) => boolean): WncScores => {
    const indices = pairs.flatMap((pair, i) => (keep(pair.set) ? [i] : []));
    const higher = indices.filter((i) => pre[i]! > post[i]!).length;
    return { pairs: indices.length, biasedScoresHigher: indices.length === 0 ? 0 : higher / indices.length, ties: indices.filter((i) => pre[i] === post[i]).length };
  };
  const sets = [...new Set(pairs.map((pair) => pair.set))];
  return {
    model: { ...binaryScores(probabilities.map((p) => p >= config.threshold), labels), threshold: config.threshold, sentences: dev.length },
    rulesBaseline: binaryScores(rules, labels),
    wnc: { ...compare(() => true), bySet: Object.fromEntries(sets.map((set) => [set, compare((s) => s === set)])) },
  };
}

async function probabilitiesOf(texts: readonly string[], runner: Parameters<typeof scoreBiasSentences>[0], config: Parameters<typeof scoreBiasSentences>[1]): Promise<number[]> {
  // One text holding every sentence on its own line: a few batched runs instead of one per sentence.
  const text = texts.join('\n');
  const spans: Span[] = [];
  let at = 0;
  for (const t of texts) {
    spans.push({ start: at, end: at + t.length, text: t });
    at += t.length + 1;
  }
  return (await scoreBiasSentences(runner, config, text, spans)).map((s) => s.probability);
}

function whole(text: string): Span {
  return { start: 0, end: text.length, text };
}

/** WNC biased → neutral pairs from the test files: pre/post.test and biased.word.test (raw columns). */
export function readWncPairs(dataDir: string): { set: string; biased: string; neutral: string }[] {
  const dir = join(dataDir, 'wnc');
  const lines = (name: string) => readFileSync(join(dir, name), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const pre = lines('pre.test');
  const post = lines('post.test');
  if (pre.length !== post.length) throw new Error(`${dir}: pre.test has ${pre.length} lines but post.test ${post.length}; they must align`);
  const pairs = pre.map((biased, i) => ({ set: 'pre/post.test', biased, neutral: post[i]! }));
  for (const row of lines('biased.word.test')) {
    const columns = row.split('\t');
    if (columns.length >= 5 && columns[3] && columns[4]) pairs.push({ set: 'biased.word.test', biased: columns[3], neutral: columns[4] });
  }
  return pairs.filter((pair) => pair.biased !== pair.neutral);
}
