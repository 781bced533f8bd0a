import { isAllowedTransition } from './bio-labels';

/** Transition scores of a linear-chain model over `labels`. */
export interface ChainScores {
  readonly labels: readonly string[];
  /** `[from][to]` score of label `to` following label `from`. */
  readonly transitions: readonly (readonly number[])[];
  /** Score of each label opening a sentence. */
  readonly start: readonly number[];
}

/**
 * The highest-scoring label sequence for one sentence, given its emission scores
 * (`emissions[t * labels + y]`, `tokens` rows starting at row `offset`) and the chain's
 * transition scores. Paths that break BIO (`O` → `I-X`) are never chosen.
 */
export function viterbi(emissions: ArrayLike<number>, offset: number, tokens: number, chain: ChainScores): Int32Array {
  const n = chain.labels.length;
  const path = new Int32Array(tokens);
  if (tokens === 0) return path;
  const allowed = allowedPairs(chain.labels);
  const back = new Int32Array(tokens * n);
  let score = new Float64Array(n);
  let next = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    score[y] = isAllowedTransition(chain.labels, null, y) ? (chain.start[y] ?? 0) + (emissions[offset * n + y] ?? 0) : -Infinity;
  }
  for (let t = 1; t < tokens; t++) {
    for (let y = 0; y < n; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let x = 0; x < n; x++) {
        if (!allowed[x * n + y]) continue;
        const candidate = (score[x] ?? -Infinity) + (chain.transitions[x]?.[y] ?? 0);
        if (candidate > best) {
          best = candidate;
          arg = x;
        }
      }
      next[y] = best + (emissions[(offset + t) * n + y] ?? 0);
      back[t * n + y] = arg;
    }
    [score, next] = [next, score];
  }
  let last = 0;
  for (let y = 1; y < n; y++) if ((score[y] ?? -Infinity) > (score[last] ?? -Infinity)) last = y;
  path[tokens - 1] = last;
  for (let t = tokens - 1; t > 0; t--) path[t - 1] = back[t * n + (path[t] ?? 0)] ?? 0;
  return path;
}

const allowedByLabels = new WeakMap<readonly string[], Uint8Array>();

/**
 * `[from * n + to]`: whether BIO lets label `to` follow label `from`. Worked out once per
 * labels array: decoding asks for every sentence. The table is shared; read it, never write it.
 */
export function allowedPairs(labels: readonly string[]): Uint8Array {
  let allowed = allowedByLabels.get(labels);
  if (!allowed) {
    allowed = buildAllowedPairs(labels);
    allowedByLabels.set(labels, allowed);
  }
  return allowed;
}

function buildAllowedPairs(labels: readonly string[]): Uint8Array {
  const n = labels.length;
  const allowed = new Uint8Array(n * n);
  for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) allowed[x * n + y] = isAllowedTransition(labels, x, y) ? 1 : 0;
  return allowed;
}
