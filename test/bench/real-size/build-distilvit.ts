/**
 * `Mozilla/distilvit` at its real size: a ViT-base/16 encoder (224², 12 × 768) and a distilgpt2
 * decoder (6 × 768, 50,257 tokens) with cross-attention and the export's self-attention cache.
 */
import { captionerModelFiles } from '../../fixtures/synthetic-models/build-captioner-model';
import type { ModelFiles } from '../../fixtures/synthetic-models/model-files';
import { bpeVocabTokenizer } from './bench-vocab';
import { BOOL, createGraph, FLOAT, INT64 } from './onnx-builder';
import { attend, embed, feedForward, layerNorm, linear, net, positions, splitHeads, type Net } from './transformer-blocks';

export const VIT_BASE = { hidden: 768, layers: 12, heads: 12, inner: 3072, image: 224, patch: 16 };
export const DISTILGPT2 = { vocab: 50_257, hidden: 768, layers: 6, heads: 12, inner: 3072, maxPositions: 1024 };
const HEAD_DIM = 64;

/** Pre-norm block (ViT, GPT-2): x + attention(LN(x)), then x + MLP(LN(x)); `cross` adds GPT-2's cross-attention. */
function preNormBlock(
  n: Net,
  x: string,
  d: { hidden: number; heads: number; inner: number },
  name: string,
  cache?: { past: string; layer: number },
  cross?: string,
): string {
  const { g } = n;
  const h = layerNorm(n, x, d.hidden, `${name}.ln1`);
  let [q, k, v] = ['q', 'k', 'v'].map((p) =>
    splitHeads(n, linear(n, h, d.hidden, d.hidden, `${name}.${p}`), d.heads, HEAD_DIM, `${name}.${p}h`),
  );
  if (cache) {
    k = g.node('Concat', [`${cache.past}.${cache.layer}.key`, k!], [`present.${cache.layer}.key`], { axis: 2 });
    v = g.node('Concat', [`${cache.past}.${cache.layer}.value`, v!], [`present.${cache.layer}.value`], { axis: 2 });
  }
  let out = g.node(
    'Add',
    [x, linear(n, attend(n, q!, k!, v!, { heads: d.heads, headDim: HEAD_DIM }, `${name}.attn`), d.hidden, d.hidden, `${name}.o`)],
    [`${name}.r1`],
  );
  if (cross) {
    const hc = layerNorm(n, out, d.hidden, `${name}.lnc`);
    const cq = splitHeads(n, linear(n, hc, d.hidden, d.hidden, `${name}.cq`), d.heads, HEAD_DIM, `${name}.cqh`);
    const [ck, cv] = ['ck', 'cv'].map((p) =>
      splitHeads(n, linear(n, cross, d.hidden, d.hidden, `${name}.${p}`), d.heads, HEAD_DIM, `${name}.${p}h`),
    );
    out = g.node(
      'Add',
      [out, linear(n, attend(n, cq, ck!, cv!, { heads: d.heads, headDim: HEAD_DIM }, `${name}.cross`), d.hidden, d.hidden, `${name}.co`)],
      [`${name}.rc`],
    );
  }
  return g.node('Add', [out, feedForward(n, layerNorm(n, out, d.hidden, `${name}.ln2`), d.hidden, d.inner, `${name}.mlp`)], [`${name}.r2`]);
}

function encoderGraph(q8: boolean): Uint8Array {
  const g = createGraph(0x7177);
  const n = net(g, q8);
  const d = VIT_BASE;
  const patches = (d.image / d.patch) ** 2;
  g.input('pixel_values', FLOAT, ['batch_size', 3, d.image, d.image]);
  const conv = g.node(
    'Conv',
    [
      'pixel_values',
      g.randomFloats('patch.weight', [d.hidden, 3, d.patch, d.patch]),
      g.floats('patch.bias', [d.hidden], new Float32Array(d.hidden)),
    ],
    ['patch.out'],
    { strides: [d.patch, d.patch] },
  );
  const tokens = g.node(
    'Transpose',
    [g.node('Reshape', [conv, g.ints('patch.flat', [3], [0, d.hidden, patches])], ['patch.r'])],
    ['patch.tokens'],
    { perm: [0, 2, 1] },
  );
  const batch = g.node(
    'Slice',
    [g.node('Shape', ['pixel_values'], ['px.shape']), g.ints('s0', [1], [0]), g.ints('s1', [1], [1])],
    ['px.batch'],
  );
  const cls = g.node(
    'Expand',
    [
      g.randomFloats('cls', [1, 1, d.hidden]),
      g.node('Concat', [batch, g.ints('cls.rest', [2], [1, d.hidden])], ['cls.shape'], { axis: 0 }),
    ],
    ['cls.b'],
  );
  let x = g.node(
    'Add',
    [g.node('Concat', [cls, tokens], ['seq'], { axis: 1 }), g.randomFloats('pos', [1, patches + 1, d.hidden])],
    ['emb'],
  );
  for (let l = 0; l < d.layers; l++) x = preNormBlock(n, x, d, `vit${l}`);
  g.node('Identity', [layerNorm(n, x, d.hidden, 'vit.ln')], ['last_hidden_state']);
  g.output('last_hidden_state', FLOAT, ['batch_size', patches + 1, d.hidden]);
  return g.encode('bench_vit_base_encoder');
}

function decoderGraph(q8: boolean): Uint8Array {
  const g = createGraph(0x9972);
  const n = net(g, q8);
  const d = DISTILGPT2;
  g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  g.input('encoder_hidden_states', FLOAT, ['batch_size', 'encoder_sequence_length', d.hidden]);
  const dims = (length: string) => ['batch_size', d.heads, length, HEAD_DIM];
  for (let l = 0; l < d.layers; l++)
    for (const kind of ['key', 'value']) g.input(`past_key_values.${l}.${kind}`, FLOAT, dims('past_sequence_length'));
  g.input('use_cache_branch', BOOL, [1]);
  const past = g.node('Gather', [g.node('Shape', ['past_key_values.0.key'], ['past.shape']), g.ints('two', [], [2])], ['past.len'], {
    axis: 0,
  });
  let x = g.node(
    'Add',
    [embed(n, 'input_ids', d.vocab, d.hidden, 'wte'), embed(n, positions(n, 'input_ids', past, 'pos'), d.maxPositions, d.hidden, 'wpe')],
    ['emb'],
  );
  for (let l = 0; l < d.layers; l++) x = preNormBlock(n, x, d, `gpt${l}`, { past: 'past_key_values', layer: l }, 'encoder_hidden_states');
  g.node('Identity', [linear(n, layerNorm(n, x, d.hidden, 'ln_f'), d.hidden, d.vocab, 'lm_head', false)], ['logits']);
  g.output('logits', FLOAT, ['batch_size', 'sequence_length', d.vocab]);
  for (let l = 0; l < d.layers; l++)
    for (const kind of ['key', 'value']) g.output(`present.${l}.${kind}`, FLOAT, dims('past_sequence_length + 1'));
  return g.encode('bench_distilgpt2_decoder_merged');
}

export function distilvitFiles(dtypes: readonly ('q8' | 'fp32')[]): ModelFiles {
  const synthetic = captionerModelFiles();
  const { vocab, json } = bpeVocabTokenizer(DISTILGPT2.vocab - 1, { head: [], tail: [] });
  const model = json.model as { vocab: Record<string, number> };
  const eos = vocab.size;
  model.vocab['<|endoftext|>'] = eos;
  json.added_tokens = [
    { id: eos, content: '<|endoftext|>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
  ];
  const config = synthetic['config.json'] as { encoder: object; decoder: object };
  const ids = { decoder_start_token_id: eos, eos_token_id: eos, pad_token_id: eos, bos_token_id: eos };
  return {
    'config.json': {
      ...config,
      ...ids,
      encoder: {
        ...config.encoder,
        hidden_size: VIT_BASE.hidden,
        num_attention_heads: VIT_BASE.heads,
        num_hidden_layers: VIT_BASE.layers,
        intermediate_size: VIT_BASE.inner,
      },
      decoder: {
        ...config.decoder,
        ...ids,
        n_layer: DISTILGPT2.layers,
        n_head: DISTILGPT2.heads,
        n_embd: DISTILGPT2.hidden,
        vocab_size: DISTILGPT2.vocab,
      },
    },
    'generation_config.json': { ...(synthetic['generation_config.json'] as object), ...ids },
    'preprocessor_config.json': synthetic['preprocessor_config.json']!,
    'tokenizer.json': json,
    'tokenizer_config.json': synthetic['tokenizer_config.json']!,
    ...(dtypes.includes('fp32')
      ? { 'onnx/encoder_model.onnx': encoderGraph(false), 'onnx/decoder_model_merged.onnx': decoderGraph(false) }
      : {}),
    ...(dtypes.includes('q8')
      ? { 'onnx/encoder_model_quantized.onnx': encoderGraph(true), 'onnx/decoder_model_merged_quantized.onnx': decoderGraph(true) }
      : {}),
  };
}
