/** `Xenova/bert-base-NER` at its real size: BERT-base cased (12 × 768, 28,996 pieces), 9 labels, random weights. */
import { nerModelFiles } from '../../fixtures/synthetic-models/build-ner-model';
import type { ModelFiles } from '../../fixtures/synthetic-models/model-files';
import { bertVocabTokenizer } from './bench-vocab';
import { createGraph, FLOAT, INT64 } from './onnx-builder';
import { attend, embed, feedForward, layerNorm, linear, maskBias, net, positions, splitHeads, type Net } from './transformer-blocks';

export const BERT_BASE = { vocab: 28_996, hidden: 768, layers: 12, heads: 12, inner: 3072, maxPositions: 512, labels: 9 };

/** A post-norm encoder block (BERT, BART): attention, add & norm, feed-forward, add & norm. */
export function postNormBlock(n: Net, x: string, bias: string, d: { hidden: number; heads: number; inner: number }, name: string): string {
  const headDim = d.hidden / d.heads;
  const [q, k, v] = ['q', 'k', 'v'].map((p) =>
    splitHeads(n, linear(n, x, d.hidden, d.hidden, `${name}.${p}`), d.heads, headDim, `${name}.${p}h`),
  );
  const context = attend(n, q!, k!, v!, { heads: d.heads, headDim, bias }, `${name}.attn`);
  const attended = layerNorm(
    n,
    n.g.node('Add', [x, linear(n, context, d.hidden, d.hidden, `${name}.o`)], [`${name}.res1`]),
    d.hidden,
    `${name}.ln1`,
  );
  return layerNorm(
    n,
    n.g.node('Add', [attended, feedForward(n, attended, d.hidden, d.inner, `${name}.ffn`)], [`${name}.res2`]),
    d.hidden,
    `${name}.ln2`,
  );
}

function bertGraph(q8: boolean): Uint8Array {
  const g = createGraph(0xbe27);
  const n = net(g, q8);
  const d = BERT_BASE;
  for (const name of ['input_ids', 'attention_mask', 'token_type_ids']) g.input(name, INT64, ['batch_size', 'sequence_length']);
  const words = embed(n, 'input_ids', d.vocab, d.hidden, 'word');
  const where = embed(n, positions(n, 'input_ids', g.ints('zero', [], [0]), 'pos'), d.maxPositions, d.hidden, 'position');
  const types = embed(n, 'token_type_ids', 2, d.hidden, 'type');
  let x = layerNorm(n, g.node('Add', [g.node('Add', [words, where], ['emb.a']), types], ['emb.b']), d.hidden, 'emb.ln');
  const bias = maskBias(n, 'attention_mask', 'mask');
  for (let l = 0; l < d.layers; l++) x = postNormBlock(n, x, bias, d, `layer${l}`);
  g.node('Identity', [linear(n, x, d.hidden, d.labels, 'classifier')], ['logits']);
  g.output('logits', FLOAT, ['batch_size', 'sequence_length', d.labels]);
  return g.encode('bench_bert_base_ner');
}

/** The model's files; the ONNX weights only in `dtypes`. */
export function bertNerFiles(dtypes: readonly ('q8' | 'fp32')[]): ModelFiles {
  const synthetic = nerModelFiles();
  const d = BERT_BASE;
  const config = synthetic['config.json'] as Record<string, unknown>;
  return {
    'config.json': {
      ...config,
      hidden_size: d.hidden,
      num_attention_heads: d.heads,
      num_hidden_layers: d.layers,
      intermediate_size: d.inner,
      vocab_size: d.vocab,
      max_position_embeddings: d.maxPositions,
    },
    'tokenizer.json': bertVocabTokenizer(d.vocab),
    'tokenizer_config.json': synthetic['tokenizer_config.json']!,
    'special_tokens_map.json': synthetic['special_tokens_map.json']!,
    ...(dtypes.includes('fp32') ? { 'onnx/model.onnx': bertGraph(false) } : {}),
    ...(dtypes.includes('q8') ? { 'onnx/model_quantized.onnx': bertGraph(true) } : {}),
  };
}
