import type { SparseExample } from './fit-logistic';

/**
 * Naive Bayes log-count ratios per feature (Wang & Manning 2012, "NBSVM"): how much more often a
 * feature occurs in biased than in neutral sentences, with add-`alpha` smoothing. Scaling features
 * by these before logistic regression lifted BABE dev macro-F1 by about 3 points over plain
 * logistic regression; the ratios are folded into the exported weights, so inference is unchanged.
 */
export function naiveBayesRatios(examples: readonly SparseExample[], dimension: number, alpha = 1): Float64Array {
  const biased = new Float64Array(dimension).fill(alpha);
  const neutral = new Float64Array(dimension).fill(alpha);
  for (const example of examples) {
    const counts = example.label === 1 ? biased : neutral;
    for (let k = 0; k < example.ids.length; k++) counts[example.ids[k]!]! += Math.abs(example.values[k]!) > 0 ? 1 : 0;
  }
  const biasedTotal = biased.reduce((sum, v) => sum + v, 0);
  const neutralTotal = neutral.reduce((sum, v) => sum + v, 0);
  const ratios = new Float64Array(dimension);
  for (let i = 0; i < dimension; i++) ratios[i] = Math.log(biased[i]! / biasedTotal / (neutral[i]! / neutralTotal));
  return ratios;
}

/** `example` with each value multiplied by its feature's ratio. */
export function scaleByRatios(example: SparseExample, ratios: Float64Array): SparseExample {
  return { ...example, values: example.values.map((value, k) => value * ratios[example.ids[k]!]!) };
}
