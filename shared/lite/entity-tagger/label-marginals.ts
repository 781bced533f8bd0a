import type { ChainScores } from './viterbi';
import { allowedPairs } from './viterbi';
import { isAllowedTransition } from './bio-labels';

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
  const emit = (t: number, y: number) => (emissions[(offset + t) * n + y] ?? 0) / temperature;
  const trans = (x: number, y: number) => (allowed[x * n + y] ? (chain.transitions[x]?.[y] ?? 0) / temperature : -Infinity);
  const alpha = new Float64Array(tokens * n);
  const beta = new Float64Array(tokens * n);
  for (let y = 0; y < n; y++) {
    alpha[y] = isAllowedTransition(chain.labels, null, y) ? (chain.start[y] ?? 0) / temperature + emit(0, y) : -Infinity;
  }
  for (let t = 1; t < tokens; t++) {
    for (let y = 0; y < n; y++) {
      alpha[t * n + y] = logSumExp(n, (x) => (alpha[(t - 1) * n + x] ?? -Infinity) + trans(x, y)) + emit(t, y);
    }
  }
  for (let t = tokens - 2; t >= 0; t--) {
    for (let x = 0; x < n; x++) {
      beta[t * n + x] = logSumExp(n, (y) => trans(x, y) + emit(t + 1, y) + (beta[(t + 1) * n + y] ?? -Infinity));
    }
  }
  const out = new Float64Array(tokens * n);
  for (let t = 0; t < tokens; t++) {
    const z = logSumExp(n, (y) => (alpha[t * n + y] ?? -Infinity) + (beta[t * n + y] ?? -Infinity));
    for (let y = 0; y < n; y++) out[t * n + y] = Math.exp((alpha[t * n + y] ?? -Infinity) + (beta[t * n + y] ?? -Infinity) - z);
  }
  return out;
}

function logSumExp(n: number, term: (i: number) => number): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, term(i));
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(term(i) - max);
  return max + Math.log(sum);
}
