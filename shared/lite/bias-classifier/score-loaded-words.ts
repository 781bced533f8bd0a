import type { Span } from '../../protocol/results';
import type { Tensor, TensorRunner } from '../tensor-runner';
import { type BiasClassifierConfig, padFeatureId } from './bias-classifier-config';
import { extractWordFeatures, type WordFeatures } from './extract-word-features';
import { readSentenceWords, type SentenceWord, type SentenceWords } from './sentence-words';

/** A candidate word with the probability that a reader finds it loaded. */
export interface ScoredWord {
  readonly word: SentenceWord;
  readonly probability: number;
}

/** One sentence with its words scored. */
export interface ScoredSentence extends SentenceWords {
  /** Candidate words in sentence order. */
  readonly scored: readonly ScoredWord[];
}

/** Rows per ONNX run: a few thousand words of a page are a handful of runs of a few MB each. */
const BATCH = 512;

/**
 * Scores every candidate word of every sentence with the loaded-word model, in batched runs
 * (one row per word, padded with the all-zero pad id).
 */
export async function scoreLoadedWords(
  runner: TensorRunner,
  config: BiasClassifierConfig,
  text: string,
  sentences: readonly Span[],
): Promise<ScoredSentence[]> {
  const read = sentences.map((sentence) => readSentenceWords(text, sentence));
  const rows: { sentence: number; word: SentenceWord; features: WordFeatures }[] = [];
  read.forEach((s, sentence) => {
    s.words.forEach((word, index) => {
      if (word.candidate) rows.push({ sentence, word, features: extractWordFeatures(s.words, index, config) });
    });
  });
  const probabilities = await runRows(
    runner,
    config,
    rows.map((row) => row.features),
  );
  const scored = read.map((): ScoredWord[] => []);
  rows.forEach((row, k) => {
    scored[row.sentence]!.push({ word: row.word, probability: probabilities[k] ?? 0 });
  });
  return read.map((s, i) => ({ ...s, scored: scored[i]! }));
}

/**
 * Runs the graph on rows of sparse features and returns each row's probability. Shared by the
 * word model and the clickbait head (whose rows carry their own id range).
 */
export async function runRows(runner: TensorRunner, config: BiasClassifierConfig, rows: readonly WordFeatures[]): Promise<number[]> {
  const out: number[] = [];
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH);
    const outputs = await runner.run(config.modelId, paddedFeatureTensors(batch, padFeatureId(config)).feeds);
    out.push(...probabilityOutput(outputs, batch.length, config.modelId));
  }
  return out;
}

/**
 * Rows of sparse features as the graph's `feature_ids` / `feature_values` inputs, `[rows, width]`
 * with `width` the longest row: shorter rows are filled with `padId` at value 0, which adds nothing.
 */
export function paddedFeatureTensors(
  rows: readonly WordFeatures[],
  padId: number,
): { feeds: { feature_ids: Tensor; feature_values: Tensor }; width: number } {
  const width = Math.max(1, ...rows.map((f) => f.ids.length));
  const ids = new BigInt64Array(rows.length * width).fill(BigInt(padId));
  const values = new Float32Array(rows.length * width);
  rows.forEach((f, row) => {
    f.ids.forEach((id, k) => {
      ids[row * width + k] = BigInt(id);
      values[row * width + k] = f.values[k] ?? 0;
    });
  });
  return {
    feeds: {
      feature_ids: { type: 'int64', data: ids, dims: [rows.length, width] },
      feature_values: { type: 'float32', data: values, dims: [rows.length, width] },
    },
    width,
  };
}

function probabilityOutput(outputs: Record<string, Tensor>, rows: number, modelId: string): Float32Array {
  const tensor = outputs.probability;
  if (!tensor || !(tensor.data instanceof Float32Array) || tensor.dims.join(',') !== String(rows)) {
    const got = tensor ? `${tensor.type} [${tensor.dims.join(', ')}]` : 'nothing';
    throw new Error(
      `bias model "${modelId}" returned ${got} for "probability", expected float32 [${rows}] — ` +
        'the ONNX file does not match classifier-config.json; rebuild both with `npm run train -- bias`',
    );
  }
  return tensor.data;
}
