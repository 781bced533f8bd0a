import { BIO_LABELS, bioToSpans } from '../../../shared/lite/entity-tagger/bio-labels';
import { extractFeatures, FEATURES_PER_TOKEN, type HashingParams } from '../../../shared/lite/entity-tagger/extract-features';
import { labelMarginals } from '../../../shared/lite/entity-tagger/label-marginals';
import type { NameLexicon } from '../../../shared/lite/entity-tagger/name-lexicon';
import { taggerTokens } from '../../../shared/lite/entity-tagger/tagger-tokens';
import { viterbi } from '../../../shared/lite/entity-tagger/viterbi';
import type { Span } from '../../../shared/protocol/results';
import { emissionsOf, type EncodedSentence, type TaggerWeights } from './averaged-perceptron';
import type { ConllPage } from './conll-as-text';
import { createSpanCounter, type SpanScores, type TypedSpan } from './span-f1';

/**
 * Hashes every sentence of a page as the tagger will meet it: the text re-tokenised by the
 * tagger's own tokeniser, each token labelled B-/I- of the gold name it starts in (O outside
 * names), features from the whole page (document features) and `lexicon`.
 */
export function encodePage(page: ConllPage, hashing: HashingParams, lexicon?: NameLexicon): EncodedSentence[] {
  const tokens = page.sentences.map((sentence) =>
    taggerTokens(sentence.text).map((t) => ({ start: t.start + sentence.start, end: t.end + sentence.start, text: t.text })),
  );
  const features = extractFeatures(
    tokens.map((sentence) => sentence.map((t) => t.text)),
    hashing,
    lexicon,
  );
  const gold = [...page.gold].sort((a, b) => a.start - b.start);
  return tokens.map((sentence, s) => ({ features: features[s] ?? new Int32Array(0), gold: projectLabels(sentence, gold) }));
}

/** BIO label ids of `tokens` from character-span names `gold` (sorted by start). */
export function projectLabels(tokens: readonly Span[], gold: readonly TypedSpan[]): Int32Array {
  const labels = new Int32Array(tokens.length);
  let g = 0;
  let previous: TypedSpan | null = null;
  tokens.forEach((token, t) => {
    while (g < gold.length && (gold[g]?.end ?? 0) <= token.start) g++;
    const span = gold[g];
    if (!span || token.start < span.start) {
      previous = null;
      return;
    }
    labels[t] = labelId(`${previous === span ? 'I' : 'B'}-${span.type}`);
    previous = span;
  });
  return labels;
}

function labelId(label: string): number {
  const id = (BIO_LABELS as readonly string[]).indexOf(label);
  if (id < 0) throw new Error(`unknown entity label "${label}"`);
  return id;
}

/** Token-span F1 of `weights` on encoded sentences, counting only names of `types`. */
export function scoreWeights(
  weights: TaggerWeights,
  sentences: readonly EncodedSentence[],
  types: readonly string[],
): { overall: SpanScores; perType: Record<string, SpanScores> } {
  const counter = createSpanCounter(types);
  const kept = (spans: readonly TypedSpan[]) => spans.filter((s) => types.includes(s.type));
  for (const sentence of sentences) {
    const tokens = sentence.gold.length;
    const emissions = emissionsOf(weights.emission, sentence.features, tokens, BIO_LABELS.length, FEATURES_PER_TOKEN);
    const path = viterbi(emissions, 0, tokens, weights.chain);
    counter.add(kept(bioToSpans(BIO_LABELS, sentence.gold)), kept(bioToSpans(BIO_LABELS, path)));
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
