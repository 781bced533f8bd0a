/**
 * `Xenova/nli-deberta-v3-xsmall` at its real size: DeBERTa-v3-xsmall (12 × 384, 6 heads, 128,100
 * pieces) with disentangled attention (content→position and position→content scores over 256
 * relative-position buckets each way), a pooler and 3 NLI labels; random weights.
 */
import { nliModelFiles } from '../../fixtures/synthetic-models/build-nli-model';
import type { ModelFiles } from '../../fixtures/synthetic-models/model-files';
import { unigramVocabTokenizer } from './bench-vocab';
import { createGraph, FLOAT, INT64 } from './onnx-builder';
import { attend, embed, feedForward, gelu, layerNorm, linear, maskBias, net, splitHeads, type Net } from './transformer-blocks';

export const DEBERTA_XSMALL = { vocab: 128_100, hidden: 384, layers: 12, heads: 6, inner: 1536, buckets: 256, labels: 3 };

/** Relative-position indices [1, 1, s, s] for content→position (i - j) and position→content (j - i). */
function relativeIndices(n: Net, k: number): { c2p: string; p2c: string } {
  const { g } = n;
  const one = g.ints('rel.one', [], [1]);
  const length = g.node('Gather', [g.node('Shape', ['input_ids'], ['rel.shape']), one], ['rel.len'], { axis: 0 });
  const range = g.node('Range', [g.ints('rel.zero', [], [0]), length, one], ['rel.range']);
  const rows = g.node('Unsqueeze', [range, g.ints('rel.ax1', [1], [1])], ['rel.rows']);
  const cols = g.node('Unsqueeze', [range, g.ints('rel.ax0', [1], [0])], ['rel.cols']);
  const clip = (x: string, name: string) =>
    g.node(
      'Unsqueeze',
      [
        g.node(
          'Clip',
          [
            g.node('Add', [x, g.ints(`${name}.k`, [], [k])], [`${name}.shift`]),
            g.ints(`${name}.lo`, [], [0]),
            g.ints(`${name}.hi`, [], [2 * k - 1]),
          ],
          [`${name}.clip`],
        ),
        g.ints(`${name}.ax`, [2], [0, 1]),
      ],
      [`${name}.idx`],
    );
  return { c2p: clip(g.node('Sub', [rows, cols], ['rel.ij']), 'c2p'), p2c: clip(g.node('Sub', [cols, rows], ['rel.ji']), 'p2c') };
}

/** Scores of `side` [b,h,s,d] against projected positions [1,h,2k,d], gathered to [b,h,s,s] by `index`. */
function positionScores(n: Net, side: string, positions: string, index: string, name: string, transpose: boolean): string {
  const { g } = n;
  const raw = g.node('MatMul', [side, g.node('Transpose', [positions], [`${name}.pt`], { perm: [0, 1, 3, 2] })], [`${name}.raw`]);
  const rawShape = g.node('Shape', [raw], [`${name}.rshape`]);
  const lead = g.node('Slice', [rawShape, g.ints(`${name}.s0`, [1], [0]), g.ints(`${name}.s3`, [1], [3])], [`${name}.lead`]);
  const last = g.node('Slice', [rawShape, g.ints(`${name}.s2`, [1], [2]), g.ints(`${name}.s3b`, [1], [3])], [`${name}.last`]);
  const full = g.node('Expand', [index, g.node('Concat', [lead, last], [`${name}.shape`], { axis: 0 })], [`${name}.index`]);
  const gathered = g.node('GatherElements', [raw, full], [`${name}.g`], { axis: 3 });
  return transpose ? g.node('Transpose', [gathered], [`${name}.t`], { perm: [0, 1, 3, 2] }) : gathered;
}

function debertaGraph(q8: boolean): Uint8Array {
  const g = createGraph(0xdeb3);
  const n = net(g, q8);
  const d = DEBERTA_XSMALL;
  const headDim = d.hidden / d.heads;
  for (const name of ['input_ids', 'attention_mask']) g.input(name, INT64, ['batch_size', 'sequence_length']);
  let x = layerNorm(n, embed(n, 'input_ids', d.vocab, d.hidden, 'word'), d.hidden, 'emb.ln');
  const bias = maskBias(n, 'attention_mask', 'mask');
  const rel = g.node(
    'Unsqueeze',
    [layerNorm(n, g.randomFloats('rel_embeddings', [2 * d.buckets, d.hidden]), d.hidden, 'rel.ln'), g.ints('rel.batch', [1], [0])],
    ['rel.emb'],
  );
  const index = relativeIndices(n, d.buckets);
  for (let l = 0; l < d.layers; l++) {
    const name = `layer${l}`;
    const [q, k, v] = ['q', 'k', 'v'].map((p) =>
      splitHeads(n, linear(n, x, d.hidden, d.hidden, `${name}.${p}`), d.heads, headDim, `${name}.${p}h`),
    );
    const posKey = splitHeads(n, linear(n, rel, d.hidden, d.hidden, `${name}.pk`, true, `${name}.k`), d.heads, headDim, `${name}.pkh`);
    const posQuery = splitHeads(n, linear(n, rel, d.hidden, d.hidden, `${name}.pq`, true, `${name}.q`), d.heads, headDim, `${name}.pqh`);
    const extra = [
      positionScores(n, q!, posKey, index.c2p, `${name}.c2p`, false),
      positionScores(n, k!, posQuery, index.p2c, `${name}.p2c`, true),
    ];
    const context = attend(n, q!, k!, v!, { heads: d.heads, headDim, bias, extra, scale: 1 / Math.sqrt(3 * headDim) }, `${name}.attn`);
    const attended = layerNorm(
      n,
      g.node('Add', [x, linear(n, context, d.hidden, d.hidden, `${name}.o`)], [`${name}.res1`]),
      d.hidden,
      `${name}.ln1`,
    );
    x = layerNorm(
      n,
      g.node('Add', [attended, feedForward(n, attended, d.hidden, d.inner, `${name}.ffn`)], [`${name}.res2`]),
      d.hidden,
      `${name}.ln2`,
    );
  }
  const first = g.node('Gather', [x, g.ints('cls', [], [0])], ['pooled.in'], { axis: 1 });
  const pooled = gelu(n, linear(n, first, d.hidden, d.hidden, 'pooler'), 'pooler.act');
  g.node('Identity', [linear(n, pooled, d.hidden, d.labels, 'classifier')], ['logits']);
  g.output('logits', FLOAT, ['batch_size', d.labels]);
  return g.encode('bench_deberta_v3_xsmall_nli');
}

export function debertaNliFiles(dtypes: readonly ('q8' | 'fp32')[]): ModelFiles {
  const synthetic = nliModelFiles();
  const d = DEBERTA_XSMALL;
  const { pieces, json } = unigramVocabTokenizer(d.vocab);
  const config = synthetic['config.json'] as Record<string, unknown>;
  return {
    'config.json': {
      ...config,
      hidden_size: d.hidden,
      num_attention_heads: d.heads,
      num_hidden_layers: d.layers,
      intermediate_size: d.inner,
      vocab_size: d.vocab,
      relative_attention: true,
      position_buckets: d.buckets,
      pos_att_type: ['p2c', 'c2p'],
      share_att_key: true,
      position_biased_input: false,
    },
    'tokenizer.json': json,
    'tokenizer_config.json': synthetic['tokenizer_config.json']!,
    'special_tokens_map.json': synthetic['special_tokens_map.json']!,
    'added_tokens.json': { '[MASK]': pieces.length - 1 },
    ...(dtypes.includes('fp32') ? { 'onnx/model.onnx': debertaGraph(false) } : {}),
    ...(dtypes.includes('q8') ? { 'onnx/model_quantized.onnx': debertaGraph(true) } : {}),
  };
}
