import { isAllowedTransition } from './bio-labels';
import type { ChainScores } from './viterbi';
import { allowedPairs } from './viterbi';

/** Tokens `[from, to)` of a sentence. */
export interface TokenRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Per-token label probabilities of one sentence under the chain (forward–backward over
 * `(emissions + transitions) / temperature`, BIO-forbidden paths excluded). Returns
 * `tokens × labels` probabilities, row-major; each row sums to 1. A perceptron's scores are
 * not calibrated, so these are confidence indications, not true probabilities. Only the rows of
 * `needed` are filled (all by default; the others stay 0): the forward pass stops at its end
 * and the backward pass at its start, and the filled rows are the same either way.
 */
export function labelMarginals(
  emissions: ArrayLike<number>,
  offset: number,
  tokens: number,
  chain: ChainScores,
  temperature: number,
  needed: TokenRange = { from: 0, to: tokens },
): Float64Array {
  const n = chain.labels.length;
  const allowed = allowedPairs(chain.labels);
  const trans = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) trans[i] = allowed[i] ? (chain.transitions[Math.floor(i / n)]?.[i % n] ?? 0) / temperature : -Infinity;
  const emit = new Float64Array(tokens * n);
  for (let i = 0; i < tokens * n; i++) emit[i] = (emissions[offset * n + i] ?? 0) / temperature;
  const alpha = new Float64Array(tokens * n);
  const beta = new Float64Array(tokens * n);
  for (let y = 0; y < n; y++) {
    alpha[y] = isAllowedTransition(chain.labels, null, y) ? (chain.start[y] ?? 0) / temperature + (emit[y] ?? 0) : -Infinity;
  }
  // A forbidden pair's term is -Infinity and adds exp(-Infinity) = 0 to its sum: leaving it out
  // changes no sum, and saves a third of the exponentials.
  const { into, from } = allowedLists(chain.labels);
  for (let t = 1; t < needed.to; t++) {
    const previous = (t - 1) * n;
    for (let y = 0; y < n; y++) {
      const sources = into[y] ?? [];
      let max = -Infinity;
      for (const x of sources) max = Math.max(max, (alpha[previous + x] ?? 0) + (trans[x * n + y] ?? 0));
      let sum = 0;
      for (const x of sources) sum += Math.exp((alpha[previous + x] ?? 0) + (trans[x * n + y] ?? 0) - max);
      alpha[t * n + y] = (max === -Infinity ? -Infinity : max + Math.log(sum)) + (emit[t * n + y] ?? 0);
    }
  }
  for (let t = tokens - 2; t >= needed.from; t--) {
    const next = (t + 1) * n;
    for (let x = 0; x < n; x++) {
      const targets = from[x] ?? [];
      let max = -Infinity;
      for (const y of targets) max = Math.max(max, (trans[x * n + y] ?? 0) + (emit[next + y] ?? 0) + (beta[next + y] ?? 0));
      let sum = 0;
      for (const y of targets) sum += Math.exp((trans[x * n + y] ?? 0) + (emit[next + y] ?? 0) + (beta[next + y] ?? 0) - max);
      beta[t * n + x] = max === -Infinity ? -Infinity : max + Math.log(sum);
    }
  }
  const out = new Float64Array(tokens * n);
  const terms = new Float64Array(n);
  for (let t = needed.from; t < needed.to; t++) {
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

const listsByLabels = new WeakMap<readonly string[], { into: number[][]; from: number[][] }>();

/** For each label, the labels BIO lets precede it (`into`) and follow it (`from`), in label order. */
function allowedLists(labels: readonly string[]): { into: number[][]; from: number[][] } {
  let lists = listsByLabels.get(labels);
  if (!lists) {
    const n = labels.length;
    const allowed = allowedPairs(labels);
    const into = Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => x).filter((x) => allowed[x * n + y]));
    const from = Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => y).filter((y) => allowed[x * n + y]));
    lists = { into, from };
    listsByLabels.set(labels, lists);
  }
  return lists;
}
