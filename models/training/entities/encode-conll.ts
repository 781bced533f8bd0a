import { BIO_LABELS, TAGGER_TYPES, bioToSpans } from '../../../shared/lite/entity-tagger/bio-labels';
import { extractFeatures, FEATURES_PER_TOKEN, type HashingParams } from '../../../shared/lite/entity-tagger/extract-features';
import { labelMarginals } from '../../../shared/lite/entity-tagger/label-marginals';
import { viterbi } from '../../../shared/lite/entity-tagger/viterbi';
import { emissionsOf, type EncodedSentence, type TaggerWeights } from './averaged-perceptron';
import type { ConllDocument } from './read-conll';
import { createSpanCounter, type SpanScores } from './span-f1';

/** Hashes every sentence of `documents` (document by document, for document features). */
export function encodeDocuments(documents: readonly ConllDocument[], hashing: HashingParams): EncodedSentence[] {
  return documents.flatMap((document) => {
    const features = extractFeatures(document.map((s) => s.tokens), hashing);
    return document.map((sentence, s) => ({
      features: features[s] ?? new Int32Array(0),
      gold: Int32Array.from(sentence.labels, (label) => labelId(label)),
    }));
  });
}

function labelId(label: string): number {
  const id = (BIO_LABELS as readonly string[]).indexOf(label);
  if (id < 0) throw new Error(`unknown CoNLL label "${label}"`);
  return id;
}

/** Token-span F1 of `weights` on gold-tokenised sentences (the training-time dev figure). */
export function scoreWeights(weights: TaggerWeights, sentences: readonly EncodedSentence[]): { overall: SpanScores; perType: Record<string, SpanScores> } {
  const counter = createSpanCounter(TAGGER_TYPES);
  for (const sentence of sentences) {
    const tokens = sentence.gold.length;
    const emissions = emissionsOf(weights.emission, sentence.features, tokens, BIO_LABELS.length, FEATURES_PER_TOKEN);
    const path = viterbi(emissions, 0, tokens, weights.chain);
    counter.add(bioToSpans(BIO_LABELS, sentence.gold), bioToSpans(BIO_LABELS, path));
  }
  return { overall: counter.overall(), perType: counter.perType() };
}

/**
 * The softmax temperature that best calibrates per-token label probabilities on `sentences`
 * (lowest negative log-likelihood of the gold labels over a fixed grid), so entity scores mean
 * something like a probability.
 */
export function fitTemperature(weights: TaggerWeights, sentences: readonly EncodedSentence[]): number {
  const grid = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];
  let best = { temperature: 1, loss: Infinity };
  for (const temperature of grid) {
    let loss = 0;
    for (const sentence of sentences) {
      const tokens = sentence.gold.length;
      const emissions = emissionsOf(weights.emission, sentence.features, tokens, BIO_LABELS.length, FEATURES_PER_TOKEN);
      const marginals = labelMarginals(emissions, 0, tokens, weights.chain, temperature);
      for (let t = 0; t < tokens; t++) loss -= Math.log(Math.max(1e-12, marginals[t * BIO_LABELS.length + (sentence.gold[t] ?? 0)] ?? 0));
    }
    if (loss < best.loss) best = { temperature, loss };
  }
  return best.temperature;
}
