/** One training sentence as sparse features with a 0/1 label. */
export interface SparseExample {
  readonly ids: readonly number[];
  readonly values: readonly number[];
  readonly label: 0 | 1;
  /** How much this example counts in the loss (default 1). */
  readonly weight?: number;
}

export interface LogisticFit {
  readonly weights: Float32Array;
  readonly bias: number;
  readonly iterations: number;
  readonly loss: number;
}

export interface FitOptions {
  readonly dimension: number;
  /** L2 strength on the weights (not the bias), per example: loss = mean log-loss + l2/2·|w|². */
  readonly l2: number;
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

/**
 * Fits L2-regularised logistic regression with L-BFGS (full batch). The problem is convex and
 * nothing is sampled, so the same data gives the same weights on every run.
 */
export function fitLogistic(examples: readonly SparseExample[], options: FitOptions): LogisticFit {
  const size = options.dimension + 1; // last slot is the bias
  const history: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  let x = new Float64Array(size);
  let { loss, grad } = lossAndGradient(examples, x, options.l2);
  let iteration = 0;
  for (; iteration < (options.maxIterations ?? 300); iteration++) {
    const direction = twoLoop(grad, history);
    const step = lineSearch(examples, x, loss, grad, direction, options.l2);
    if (!step) break;
    const s = step.x.map((value, i) => value - x[i]!);
    const y = step.grad.map((value, i) => value - grad[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12) history.push({ s, y, rho: 1 / sy });
    if (history.length > 10) history.shift();
    const improvement = loss - step.loss;
    x = step.x;
    loss = step.loss;
    grad = step.grad;
    if (improvement < (options.tolerance ?? 1e-9)) break;
  }
  return { weights: Float32Array.from(x.subarray(0, options.dimension)), bias: x[options.dimension]!, iterations: iteration, loss };
}

function lossAndGradient(examples: readonly SparseExample[], x: Float64Array, l2: number) {
  const bias = x.length - 1;
  const grad = new Float64Array(x.length);
  let loss = 0;
  let total = 0;
  for (const example of examples) {
    const weight = example.weight ?? 1;
    total += weight;
    let z = x[bias]!;
    for (let k = 0; k < example.ids.length; k++) z += x[example.ids[k]!]! * example.values[k]!;
    const p = 1 / (1 + Math.exp(-z));
    loss += weight * (example.label === 1 ? softplus(-z) : softplus(z));
    const error = weight * (p - example.label);
    for (let k = 0; k < example.ids.length; k++) grad[example.ids[k]!]! += error * example.values[k]!;
    grad[bias]! += error;
  }
  const n = total;
  let squares = 0;
  for (let i = 0; i < bias; i++) {
    grad[i] = grad[i]! / n + l2 * x[i]!;
    squares += x[i]! * x[i]!;
  }
  grad[bias] = grad[bias]! / n;
  return { loss: loss / n + (l2 / 2) * squares, grad };
}

function softplus(z: number): number {
  return z > 30 ? z : Math.log1p(Math.exp(z));
}

function twoLoop(grad: Float64Array, history: readonly { s: Float64Array; y: Float64Array; rho: number }[]): Float64Array {
  const q = Float64Array.from(grad);
  const alphas: number[] = [];
  for (let i = history.length - 1; i >= 0; i--) {
    const { s, y, rho } = history[i]!;
    const alpha = rho * dot(s, q);
    alphas[i] = alpha;
    for (let j = 0; j < q.length; j++) q[j]! -= alpha * y[j]!;
  }
  const last = history.at(-1);
  const gamma = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1;
  for (let j = 0; j < q.length; j++) q[j]! *= gamma;
  for (let i = 0; i < history.length; i++) {
    const { s, y, rho } = history[i]!;
    const beta = rho * dot(y, q);
    for (let j = 0; j < q.length; j++) q[j]! += s[j]! * (alphas[i]! - beta);
  }
  for (let j = 0; j < q.length; j++) q[j] = -q[j]!;
  return q;
}

/** Backtracking (Armijo) line search along `direction`. */
function lineSearch(
  examples: readonly SparseExample[],
  x: Float64Array,
  loss: number,
  grad: Float64Array,
  direction: Float64Array,
  l2: number,
) {
  const slope = dot(grad, direction);
  if (slope >= 0) return null;
  for (let t = 1, tries = 0; tries < 30; t /= 2, tries++) {
    const candidate = x.map((value, i) => value + t * direction[i]!);
    const result = lossAndGradient(examples, candidate, l2);
    if (result.loss <= loss + 1e-4 * t * slope) return { x: candidate, ...result };
  }
  return null;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
