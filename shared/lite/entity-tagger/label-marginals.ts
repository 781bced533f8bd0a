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
 *
 * The passes run on exponentiated scores, each row scaled to sum to 1 (a scaled
 * forward–backward): one exponential per token and label instead of one per pair of labels,
 * and no overflow, since every row is rescaled before the next one is built from it.
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
  const { transition, start, into, from } = chainPotentials(chain, temperature);
  // Each token's emission potentials, divided by the row's largest: a row's scale cancels out.
  const emit = new Float64Array(tokens * n);
  for (let t = 0; t < tokens; t++) {
    let max = -Infinity;
    for (let y = 0; y < n; y++) max = Math.max(max, (emissions[(offset + t) * n + y] ?? 0) / temperature);
    for (let y = 0; y < n; y++) emit[t * n + y] = potential((emissions[(offset + t) * n + y] ?? 0) / temperature - max);
  }
  const alpha = new Float64Array(tokens * n);
  const beta = new Float64Array(tokens * n);
  for (let y = 0; y < n; y++) alpha[y] = (start[y] ?? 0) * (emit[y] ?? 0);
  normaliseRow(alpha, 0, n);
  for (let t = 1; t < needed.to; t++) {
    const previous = (t - 1) * n;
    for (let y = 0; y < n; y++) {
      let sum = 0;
      for (const x of into[y] ?? []) sum += (alpha[previous + x] ?? 0) * (transition[x * n + y] ?? 0);
      alpha[t * n + y] = sum * (emit[t * n + y] ?? 0);
    }
    normaliseRow(alpha, t * n, n);
  }
  beta.fill(1, (tokens - 1) * n, tokens * n);
  for (let t = tokens - 2; t >= needed.from; t--) {
    const next = (t + 1) * n;
    for (let x = 0; x < n; x++) {
      let sum = 0;
      for (const y of from[x] ?? []) sum += (transition[x * n + y] ?? 0) * (emit[next + y] ?? 0) * (beta[next + y] ?? 0);
      beta[t * n + x] = sum;
    }
    normaliseRow(beta, t * n, n);
  }
  const out = new Float64Array(tokens * n);
  for (let t = needed.from; t < needed.to; t++) {
    for (let y = 0; y < n; y++) out[t * n + y] = (alpha[t * n + y] ?? 0) * (beta[t * n + y] ?? 0);
    normaliseRow(out, t * n, n);
  }
  return out;
}

/**
 * exp(`logValue`), held above exp(−{@link LOWEST_LOG}) so that no allowed path's weight
 * underflows to 0 (a row with every label at 0 would leave every later row at 0 too). Scores
 * that far below the best are far outside what the tagger gives; the bound changes nothing else.
 */
function potential(logValue: number): number {
  return Math.exp(Math.max(logValue, -LOWEST_LOG));
}
/** A product of three potentials stays above the smallest double (about 1e−308) with room to spare. */
const LOWEST_LOG = 300;

/** Scales `values[at, at + n)` to sum to 1 (a row of zeros stays zeros). */
function normaliseRow(values: Float64Array, at: number, n: number): void {
  let sum = 0;
  for (let y = 0; y < n; y++) sum += values[at + y] ?? 0;
  if (sum > 0) for (let y = 0; y < n; y++) values[at + y] = (values[at + y] ?? 0) / sum;
}

interface ChainPotentials {
  /** `[from * n + to]`: exp(transition / temperature), 0 where BIO forbids the pair. */
  readonly transition: Float64Array;
  /** exp(start / temperature) per label, 0 where a label cannot open a sentence, scaled to a largest of 1. */
  readonly start: Float64Array;
  /** For each label, the labels BIO lets precede it. */
  readonly into: readonly (readonly number[])[];
  /** For each label, the labels BIO lets follow it. */
  readonly from: readonly (readonly number[])[];
}

const potentialsByChain = new WeakMap<ChainScores, Map<number, ChainPotentials>>();

/** The chain's potentials at `temperature`, worked out once per chain: decoding asks for every sentence. */
function chainPotentials(chain: ChainScores, temperature: number): ChainPotentials {
  let byTemperature = potentialsByChain.get(chain);
  if (!byTemperature) {
    byTemperature = new Map();
    potentialsByChain.set(chain, byTemperature);
  }
  let potentials = byTemperature.get(temperature);
  if (!potentials) {
    potentials = buildPotentials(chain, temperature);
    byTemperature.set(temperature, potentials);
  }
  return potentials;
}

function buildPotentials(chain: ChainScores, temperature: number): ChainPotentials {
  const { labels } = chain;
  const n = labels.length;
  const allowed = allowedPairs(labels);
  const scaled = (score: number, maxScore: number) => potential(score / temperature - maxScore / temperature);
  const transitionScores = Array.from({ length: n * n }, (_, i) => chain.transitions[Math.floor(i / n)]?.[i % n] ?? 0);
  const maxTransition = Math.max(...transitionScores.filter((_, i) => allowed[i]));
  const transition = Float64Array.from(transitionScores, (score, i) => (allowed[i] ? scaled(score, maxTransition) : 0));
  const opens = labels.map((_, y) => isAllowedTransition(labels, null, y));
  const maxStart = Math.max(...labels.map((_, y) => (opens[y] ? (chain.start[y] ?? 0) : -Infinity)));
  const start = Float64Array.from(labels, (_, y) => (opens[y] ? scaled(chain.start[y] ?? 0, maxStart) : 0));
  const into = labels.map((_, y) => labels.map((_, x) => x).filter((x) => allowed[x * n + y]));
  const from = labels.map((_, x) => labels.map((_, y) => y).filter((y) => allowed[x * n + y]));
  return { transition, start, into, from };
}
