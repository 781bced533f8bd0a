/**
 * `Xenova/distilbart-cnn-6-6` at its real size: BART with d_model 1024, 6 + 6 layers, 16 heads,
 * FFN 4096, 50,264 tokens; `encoder_model` and `decoder_model_merged` with the real export's
 * key/value caches, the cross-attention keys computed once (an `If` on `use_cache_branch`).
 */
import { summarizerModelFiles } from '../../fixtures/synthetic-models/build-summarizer-model';
import type { ModelFiles } from '../../fixtures/synthetic-models/model-files';
import { postNormBlock } from './build-bert-ner';
import { bpeVocabTokenizer } from './bench-vocab';
import { BOOL, createGraph, FLOAT, INT64, type Graph } from './onnx-builder';
import { attend, embed, feedForward, layerNorm, linear, maskBias, net, positions, splitHeads, type Net } from './transformer-blocks';

export const DISTILBART = { vocab: 50_264, hidden: 1024, layers: 6, heads: 16, inner: 4096, maxPositions: 1024 };
const HEAD_DIM = DISTILBART.hidden / DISTILBART.heads;
const OFFSET = 2;

/** Token plus learned position embeddings (BART's positions start at 2), layer-normed. */
function bartEmbed(n: Net, ids: string, start: string): string {
  const d = DISTILBART;
  const where = n.g.node('Add', [positions(n, ids, start, 'pos'), n.g.ints('pos.offset', [], [OFFSET])], ['pos.shifted']);
  const sum = n.g.node(
    'Add',
    [embed(n, ids, d.vocab, d.hidden, 'shared'), embed(n, where, d.maxPositions + OFFSET, d.hidden, 'positions')],
    ['emb.sum'],
  );
  return layerNorm(n, sum, d.hidden, 'emb.ln');
}

function encoderGraph(q8: boolean): Uint8Array {
  const g = createGraph(0xba27);
  const n = net(g, q8);
  for (const name of ['input_ids', 'attention_mask']) g.input(name, INT64, ['batch_size', 'encoder_sequence_length']);
  let x = bartEmbed(n, 'input_ids', g.ints('zero', [], [0]));
  const bias = maskBias(n, 'attention_mask', 'mask');
  for (let l = 0; l < DISTILBART.layers; l++) x = postNormBlock(n, x, bias, DISTILBART, `encoder${l}`);
  g.node('Identity', [x], ['last_hidden_state']);
  g.output('last_hidden_state', FLOAT, ['batch_size', 'encoder_sequence_length', DISTILBART.hidden]);
  return g.encode('bench_distilbart_encoder');
}

const cacheDims = (length: string) => ['batch_size', DISTILBART.heads, length, HEAD_DIM];

/** The cross-attention keys and values of every layer: from the cache, or computed from the encoder's output on the first step. */
function crossKeysValues(g: Graph, q8: boolean): string[][] {
  const d = DISTILBART;
  const names = Array.from({ length: d.layers }, (_, l) => [`cross${l}.k`, `cross${l}.v`]);
  const cached = g.branch('cached');
  const fresh = g.branch('fresh');
  const freshNet = net(fresh, q8);
  names.flat().forEach((name, i) => {
    const layer = Math.floor(i / 2);
    const kind = i % 2 ? 'value' : 'key';
    cached.node('Identity', [`past_key_values.${layer}.encoder.${kind}`], [`${name}.cached`]);
    cached.output(`${name}.cached`, FLOAT, cacheDims('encoder_sequence_length_out'));
    const projected = linear(freshNet, 'encoder_hidden_states', d.hidden, d.hidden, `decoder${layer}.cross.${kind[0]}`);
    fresh.node('Identity', [splitHeads(freshNet, projected, d.heads, HEAD_DIM, `${name}.h`)], [`${name}.fresh`]);
    fresh.output(`${name}.fresh`, FLOAT, cacheDims('encoder_sequence_length'));
  });
  g.node('If', ['use_cache_branch.scalar'], names.flat(), { then_branch: cached.proto('cached'), else_branch: fresh.proto('fresh') });
  return names;
}

function decoderLayer(n: Net, x: string, l: number, cross: string[], crossBias: string): string {
  const { g } = n;
  const d = DISTILBART;
  const name = `decoder${l}`;
  const [q, k, v] = ['q', 'k', 'v'].map((p) =>
    splitHeads(n, linear(n, x, d.hidden, d.hidden, `${name}.self.${p}`), d.heads, HEAD_DIM, `${name}.self.${p}h`),
  );
  const keys = g.node('Concat', [`past_key_values.${l}.decoder.key`, k!], [`present.${l}.decoder.key`], { axis: 2 });
  const values = g.node('Concat', [`past_key_values.${l}.decoder.value`, v!], [`present.${l}.decoder.value`], { axis: 2 });
  const self = attend(n, q!, keys, values, { heads: d.heads, headDim: HEAD_DIM }, `${name}.self`);
  const afterSelf = layerNorm(
    n,
    g.node('Add', [x, linear(n, self, d.hidden, d.hidden, `${name}.self.o`)], [`${name}.r1`]),
    d.hidden,
    `${name}.ln1`,
  );
  const cq = splitHeads(n, linear(n, afterSelf, d.hidden, d.hidden, `${name}.cross.q`), d.heads, HEAD_DIM, `${name}.cross.qh`);
  const crossed = attend(n, cq, cross[0]!, cross[1]!, { heads: d.heads, headDim: HEAD_DIM, bias: crossBias }, `${name}.cross`);
  const afterCross = layerNorm(
    n,
    g.node('Add', [afterSelf, linear(n, crossed, d.hidden, d.hidden, `${name}.cross.o`)], [`${name}.r2`]),
    d.hidden,
    `${name}.ln2`,
  );
  for (const [i, kind] of ['key', 'value'].entries()) g.node('Identity', [cross[i]!], [`present.${l}.encoder.${kind}`]);
  return layerNorm(
    n,
    g.node('Add', [afterCross, feedForward(n, afterCross, d.hidden, d.inner, `${name}.ffn`)], [`${name}.r3`]),
    d.hidden,
    `${name}.ln3`,
  );
}

function decoderGraph(q8: boolean): Uint8Array {
  const g = createGraph(0xdec0);
  const n = net(g, q8);
  const d = DISTILBART;
  g.input('input_ids', INT64, ['batch_size', 'decoder_sequence_length']);
  g.input('encoder_attention_mask', INT64, ['batch_size', 'encoder_sequence_length']);
  g.input('encoder_hidden_states', FLOAT, ['batch_size', 'encoder_sequence_length', d.hidden]);
  for (let l = 0; l < d.layers; l++) {
    for (const kind of ['key', 'value']) g.input(`past_key_values.${l}.decoder.${kind}`, FLOAT, cacheDims('past_decoder_sequence_length'));
    for (const kind of ['key', 'value']) g.input(`past_key_values.${l}.encoder.${kind}`, FLOAT, cacheDims('encoder_sequence_length_out'));
  }
  g.input('use_cache_branch', BOOL, [1]);
  g.node('Squeeze', ['use_cache_branch', g.ints('squeeze0', [1], [0])], ['use_cache_branch.scalar']);
  const pastLength = g.node(
    'Gather',
    [g.node('Shape', ['past_key_values.0.decoder.key'], ['past.shape']), g.ints('two', [], [2])],
    ['past.len'],
    { axis: 0 },
  );
  let x = bartEmbed(n, 'input_ids', pastLength);
  const crossBias = maskBias(n, 'encoder_attention_mask', 'cross.mask');
  const cross = crossKeysValues(g, q8);
  for (let l = 0; l < d.layers; l++) x = decoderLayer(n, x, l, cross[l]!, crossBias);
  const logits = linear(n, x, d.hidden, d.vocab, 'lm_head', false);
  g.node('Add', [logits, g.floats('final_logits_bias', [d.vocab], new Float32Array(d.vocab))], ['logits']);
  g.output('logits', FLOAT, ['batch_size', 'decoder_sequence_length', d.vocab]);
  for (let l = 0; l < d.layers; l++) {
    for (const kind of ['key', 'value']) g.output(`present.${l}.decoder.${kind}`, FLOAT, cacheDims('past_decoder_sequence_length + 1'));
    for (const kind of ['key', 'value']) g.output(`present.${l}.encoder.${kind}`, FLOAT, cacheDims('encoder_sequence_length_out'));
  }
  return g.encode('bench_distilbart_decoder_merged');
}

export function distilbartFiles(dtypes: readonly ('q8' | 'fp32')[]): ModelFiles {
  const synthetic = summarizerModelFiles({ withPast: true });
  const d = DISTILBART;
  const { json } = bpeVocabTokenizer(d.vocab, { head: ['<s>', '<pad>', '</s>', '<unk>'], tail: ['<mask>'] });
  json.post_processor = (synthetic['tokenizer.json'] as { post_processor: unknown }).post_processor;
  const config = synthetic['config.json'] as Record<string, unknown>;
  return {
    'config.json': {
      ...config,
      d_model: d.hidden,
      encoder_layers: d.layers,
      decoder_layers: d.layers,
      num_hidden_layers: d.layers,
      encoder_attention_heads: d.heads,
      decoder_attention_heads: d.heads,
      encoder_ffn_dim: d.inner,
      decoder_ffn_dim: d.inner,
      max_position_embeddings: d.maxPositions,
      vocab_size: d.vocab,
    },
    'generation_config.json': synthetic['generation_config.json']!,
    'tokenizer.json': json,
    'tokenizer_config.json': { ...(synthetic['tokenizer_config.json'] as object), model_max_length: d.maxPositions },
    ...(dtypes.includes('fp32')
      ? { 'onnx/encoder_model.onnx': encoderGraph(false), 'onnx/decoder_model_merged.onnx': decoderGraph(false) }
      : {}),
    ...(dtypes.includes('q8')
      ? { 'onnx/encoder_model_quantized.onnx': encoderGraph(true), 'onnx/decoder_model_merged_quantized.onnx': decoderGraph(true) }
      : {}),
  };
}
