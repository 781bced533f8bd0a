import { viterbi, type ChainScores } from '../../../shared/lite/entity-tagger/viterbi';

/** A sentence as the trainer sees it: hashed feature ids (tokens × perToken) and gold label ids. */
export interface EncodedSentence {
  readonly features: Int32Array;
  readonly gold: Int32Array;
}

/** Weights of a linear-chain tagger: emission table `[rows][labels]` plus chain scores. */
export interface TaggerWeights {
  readonly emission: Float32Array;
  readonly chain: ChainScores;
}

/**
 * A structured perceptron with weight averaging (Collins 2002), using the "lazy average"
 * trick: alongside each weight `w` it keeps `u = Σ step·Δ`, so the average is `w - u/step`
 * at any time without touching every weight after each sentence. The pad row `padRow` is
 * never updated, so it stays zero.
 */
export function createAveragedPerceptron(labels: readonly string[], rows: number, perToken: number, padRow: number) {
  const n = labels.length;
  const w = new Float64Array(rows * n);
  const u = new Float64Array(rows * n);
  const tw = new Float64Array((n + 1) * n); // row n holds start scores
  const tu = new Float64Array((n + 1) * n);
  let step = 1;

  const chainOf = (table: ArrayLike<number>): ChainScores => ({
    labels,
    transitions: Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => table[x * n + y] ?? 0)),
    start: Array.from({ length: n }, (_, y) => table[n * n + y] ?? 0),
  });
  const bump = (row: number, label: number, delta: number) => {
    if (row === padRow) return;
    const i = row * n + label;
    w[i] = (w[i] ?? 0) + delta;
    u[i] = (u[i] ?? 0) + step * delta;
  };
  const bumpChain = (from: number, to: number, delta: number) => {
    const i = from * n + to;
    tw[i] = (tw[i] ?? 0) + delta;
    tu[i] = (tu[i] ?? 0) + step * delta;
  };
  const updateChain = (path: Int32Array, delta: number) => {
    path.forEach((label, t) => {
      bumpChain(t === 0 ? n : (path[t - 1] ?? 0), label, delta);
    });
  };

  return {
    /** Decodes `sentence` with the current weights and corrects them where the path is wrong. */
    learn(sentence: EncodedSentence): void {
      const tokens = sentence.gold.length;
      const predicted = viterbi(emissionsOf(w, sentence.features, tokens, n, perToken), 0, tokens, chainOf(tw));
      const wrong = predicted.some((label, t) => label !== sentence.gold[t]);
      if (wrong) {
        for (let t = 0; t < tokens; t++) {
          const gold = sentence.gold[t] ?? 0;
          const guess = predicted[t] ?? 0;
          if (gold === guess) continue;
          for (let f = 0; f < perToken; f++) {
            const row = sentence.features[t * perToken + f] ?? padRow;
            bump(row, gold, 1);
            bump(row, guess, -1);
          }
        }
        updateChain(sentence.gold, 1);
        updateChain(predicted, -1);
      }
      step++;
    },
    /** The averaged weights so far (what is evaluated and exported). */
    averaged(): TaggerWeights {
      const emission = new Float32Array(w.length);
      for (let i = 0; i < w.length; i++) emission[i] = (w[i] ?? 0) - (u[i] ?? 0) / step;
      const chain = tw.map((value, i) => value - (tu[i] ?? 0) / step);
      return { emission, chain: chainOf(chain) };
    },
  };
}

/** Emission scores `tokens × labels` of one sentence: the sum of its features' weight rows. */
export function emissionsOf(
  weights: ArrayLike<number>,
  features: Int32Array,
  tokens: number,
  labels: number,
  perToken: number,
): Float64Array {
  const out = new Float64Array(tokens * labels);
  for (let t = 0; t < tokens; t++) {
    for (let f = 0; f < perToken; f++) {
      const base = (features[t * perToken + f] ?? 0) * labels;
      for (let y = 0; y < labels; y++) out[t * labels + y] = (out[t * labels + y] ?? 0) + (weights[base + y] ?? 0);
    }
  }
  return out;
}
