import { isAllowedTransition } from './bio-labels';
import type { ChainScores } from './viterbi';
import { allowedPairs } from './viterbi';

/**
 * Per-token label probabilities of one sentence under the chain (forward–backward over
 * `(emissions + transitions) / temperature`, BIO-forbidden paths excluded). Returns
 * `tokens × labels` probabilities, row-major; each row sums to 1. A perceptron's scores are
 * not calibrated, so these are confidence indications, not true probabilities.
 */
export function labelMarginals(
  emissions: ArrayLike<number>,
  offset: number,
  tokens: number,
  chain: ChainScores,
  temperature: number,
): Float64Array {
  const n = chain.labels.length;
  const allowed = allowedPairs(chain.labels);
  const trans = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) trans[i] = allowed[i] ? (chain.transitions[Math.floor(i / n)]?.[i % n] ?? 0) / temperature : -Infinity;
  const emit = new Float64Array(tokens * n);
  for (let i = 0; i < tokens * n; i++) emit[i] = (emissions[offset * n + i] ?? 0) / temperature;
  const alpha = new Float64Array(tokens * n);
  const beta = new Float64Array(tokens * n);
  const terms = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    alpha[y] = isAllowedTransition(chain.labels, null, y) ? (chain.start[y] ?? 0) / temperature + (emit[y] ?? 0) : -Infinity;
  }
  for (let t = 1; t < tokens; t++) {
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) terms[x] = (alpha[(t - 1) * n + x] ?? 0) + (trans[x * n + y] ?? 0);
      alpha[t * n + y] = logSumExp(terms) + (emit[t * n + y] ?? 0);
    }
  }
  for (let t = tokens - 2; t >= 0; t--) {
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) terms[y] = (trans[x * n + y] ?? 0) + (emit[(t + 1) * n + y] ?? 0) + (beta[(t + 1) * n + y] ?? 0);
      beta[t * n + x] = logSumExp(terms);
    }
  }
  const out = new Float64Array(tokens * n);
  for (let t = 0; t < tokens; t++) {
    for (let y = 0; y < n; y++) terms[y] = (alpha[t * n + y] ?? 0) + (beta[t * n + y] ?? 0);
    const z = logSumExp(terms);
    for (let y = 0; y < n; y++) out[t * n + y] = Math.exp((terms[y] ?? 0) - z);
  }
  return out;
}

function logSumExp(terms: Float64Array): number {
  let max = -Infinity;
  for (const term of terms) if (term > max) max = term;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const term of terms) sum += Math.exp(term - max);
  return max + Math.log(sum);
}
