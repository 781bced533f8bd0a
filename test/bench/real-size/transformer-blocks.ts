/**
 * The pieces every bench transformer is made of, at the real models' sizes: linear layers (float,
 * or the q8 exports' DynamicQuantizeLinear + MatMulInteger), layer norms, GELU, multi-head
 * attention with an optional key/value cache, embeddings.
 */
import { FLOAT, type Graph } from './onnx-builder';

export interface Net {
  g: Graph;
  /** The q8 export's layout: weights uint8, activations quantised at run time. */
  q8: boolean;
  /** Activations already quantised in this graph, so layers reading one input share it (as quantize_dynamic does). */
  quantised: Map<string, [string, string, string]>;
}

export const net = (g: Graph, q8: boolean): Net => ({ g, q8, quantised: new Map() });

/**
 * x·W + b. `sharedWith` names an earlier layer whose weights this one reuses (DeBERTa projects
 * relative positions with its attention's own query and key weights).
 */
export function linear(
  { g, q8, quantised }: Net,
  x: string,
  inDim: number,
  outDim: number,
  name: string,
  bias = true,
  sharedWith?: string,
): string {
  let y: string;
  const weights = `${sharedWith ?? name}.weight`;
  if (!q8) {
    y = g.node('MatMul', [x, sharedWith ? weights : g.randomFloats(weights, [inDim, outDim])], [`${name}.mm`]);
  } else {
    const w = sharedWith
      ? { q: `${weights}_q`, scale: `${weights}_scale`, zeroPoint: `${weights}_zp` }
      : g.randomBytes(weights, [inDim, outDim]);
    let xq = quantised.get(x);
    if (!xq) {
      xq = [`${x}.q`, `${x}.scale`, `${x}.zp`];
      g.node('DynamicQuantizeLinear', [x], xq);
      quantised.set(x, xq);
    }
    const int = g.node('MatMulInteger', [xq[0], w.q, xq[2], w.zeroPoint], [`${name}.int`]);
    const asFloat = g.node('Cast', [int], [`${name}.f`], { to: FLOAT });
    const scale = g.node('Mul', [xq[1], w.scale], [`${name}.s`]);
    y = g.node('Mul', [asFloat, scale], [`${name}.mm`]);
  }
  return bias ? g.node('Add', [y, g.floats(`${name}.bias`, [outDim], new Float32Array(outDim))], [`${name}.out`]) : y;
}

export function layerNorm({ g }: Net, x: string, dim: number, name: string): string {
  const scale = g.floats(`${name}.gamma`, [dim], new Float32Array(dim).fill(1));
  const shift = g.floats(`${name}.beta`, [dim], new Float32Array(dim));
  return g.node('LayerNormalization', [x, scale, shift], [`${name}.out`], { axis: -1, epsilon: 1e-5 });
}

/** GELU with erf, as BERT, BART and ViT compute it. */
export function gelu({ g }: Net, x: string, name: string): string {
  const half = g.floats(`${name}.half`, [], [0.5]);
  const one = g.floats(`${name}.one`, [], [1]);
  const invSqrt2 = g.floats(`${name}.isq2`, [], [Math.SQRT1_2]);
  const erf = g.node('Erf', [g.node('Mul', [x, invSqrt2], [`${name}.a`])], [`${name}.erf`]);
  return g.node('Mul', [g.node('Mul', [x, half], [`${name}.h`]), g.node('Add', [erf, one], [`${name}.e1`])], [`${name}.out`]);
}

/** Two linear layers around a GELU: the feed-forward half of every block. */
export function feedForward(n: Net, x: string, dim: number, inner: number, name: string): string {
  return linear(n, gelu(n, linear(n, x, dim, inner, `${name}.fc1`), `${name}.act`), inner, dim, `${name}.fc2`);
}

/** [b, s, h·d] → [b, h, s, d] */
export function splitHeads({ g }: Net, x: string, heads: number, headDim: number, name: string): string {
  const shape = g.ints(`${name}.shape`, [4], [0, 0, heads, headDim]);
  return g.node('Transpose', [g.node('Reshape', [x, shape], [`${name}.r`])], [`${name}.t`], { perm: [0, 2, 1, 3] });
}

/** softmax(q·kᵀ·scale + bias)·v, back to [b, s, h·d]. `scores` adds further score terms (DeBERTa). */
export function attend(
  { g }: Net,
  q: string,
  k: string,
  v: string,
  o: { heads: number; headDim: number; bias?: string; scale?: number; extra?: string[] },
  name: string,
): string {
  const kt = g.node('Transpose', [k], [`${name}.kt`], { perm: [0, 1, 3, 2] });
  let scores = g.node('MatMul', [q, kt], [`${name}.qk`]);
  for (const [i, extra] of (o.extra ?? []).entries()) scores = g.node('Add', [scores, extra], [`${name}.extra${i}`]);
  scores = g.node('Mul', [scores, g.floats(`${name}.scale`, [], [o.scale ?? 1 / Math.sqrt(o.headDim)])], [`${name}.scaled`]);
  if (o.bias) scores = g.node('Add', [scores, o.bias], [`${name}.masked`]);
  const probs = g.node('Softmax', [scores], [`${name}.p`], { axis: -1 });
  const context = g.node('Transpose', [g.node('MatMul', [probs, v], [`${name}.pv`])], [`${name}.ct`], { perm: [0, 2, 1, 3] });
  return g.node('Reshape', [context, g.ints(`${name}.merge`, [3], [0, 0, o.heads * o.headDim])], [`${name}.ctx`]);
}

/** Additive attention bias [b, 1, 1, s]: 0 where `mask` is 1, -10000 where it is 0. */
export function maskBias({ g }: Net, mask: string, name: string): string {
  const m = g.node('Cast', [mask], [`${name}.f`], { to: FLOAT });
  const inverted = g.node('Sub', [g.floats(`${name}.one`, [], [1]), m], [`${name}.inv`]);
  const bias = g.node('Mul', [inverted, g.floats(`${name}.big`, [], [-10000])], [`${name}.b`]);
  return g.node('Unsqueeze', [bias, g.ints(`${name}.axes`, [2], [1, 2])], [`${name}.out`]);
}

/** A token embedding table (uint8 plus DequantizeLinear in the q8 exports) looked up by `ids`. */
export function embed({ g, q8 }: Net, ids: string, rows: number, dim: number, name: string): string {
  if (!q8) return g.node('Gather', [g.randomFloats(`${name}.weight`, [rows, dim]), ids], [`${name}.out`]);
  const w = g.randomBytes(`${name}.weight`, [rows, dim]);
  const picked = g.node('Gather', [w.q, ids], [`${name}.q`]);
  return g.node('DequantizeLinear', [picked, w.scale, w.zeroPoint], [`${name}.out`]);
}

/** Positions `start .. start + length(of, axis 1)`, int64. */
export function positions({ g }: Net, of: string, start: string, name: string): string {
  const one = g.ints(`${name}.one`, [], [1]);
  const length = g.node('Gather', [g.node('Shape', [of], [`${name}.shape`]), one], [`${name}.len`], { axis: 0 });
  return g.node('Range', [start, g.node('Add', [start, length], [`${name}.end`]), one], [`${name}.out`]);
}
