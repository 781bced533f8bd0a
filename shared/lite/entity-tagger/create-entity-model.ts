import type { Entity, EntityType, Span } from '../../protocol/results';
import { taggerTokens } from './tagger-tokens';
import type { EntityModel } from '../lite-models';
import type { Tensor, TensorRunner } from '../tensor-runner';
import { bioToSpans, TAGGER_TYPES } from './bio-labels';
import { decideNames, type NameMention } from './decide-names';
import { extractFeatures } from './extract-features';
import { labelMarginals } from './label-marginals';
import { markQuotedTitles } from './mark-quoted-titles';
import { propagateNames } from './propagate-names';
import { EMPTY_LEXICON, readNameLexicon } from './name-lexicon';
import type { TaggerConfig } from './tagger-config';
import { viterbi } from './viterbi';

/** Options of {@link createEntityModel}. */
export interface EntityModelOptions {
  /** `false` returns the tagger's mentions as decoded, sentence by sentence (for measuring what the page-level decisions add). */
  readonly documentDecisions?: boolean;
}

/** Where the low 32 bits of an int64 sit among its two int32 halves on this machine. */
const LOW_HALF = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

interface SentenceTokens {
  readonly tokens: Span[];
  /** Row of the sentence's first token in the page-wide batch. */
  readonly offset: number;
}

/**
 * The lite named-entity tagger: tokenises each sentence, hashes features for the whole page,
 * runs the ONNX emission graph on every token of the page (of every page, for `tagMany`: one
 * model call for a whole batch of inputs, split only past {@link MAX_TOKENS_PER_RUN} tokens), then decodes each sentence
 * with BIO-constrained Viterbi. Entities are PER, ORG, LOC and MISC with exact offsets into
 * the text and a confidence (mean per-token probability of the chosen labels); a name keeps
 * one type across the page (see {@link decideNames}) and is marked wherever the page repeats
 * it (see {@link propagateNames}); a title of a work in quotation marks is one MISC name (see
 * {@link markQuotedTitles}).
 */
export function createEntityModel(runner: TensorRunner, config: TaggerConfig, options: EntityModelOptions = {}): EntityModel {
  const catalogueId = config.modelId.split('@')[0] ?? config.modelId;
  const lexicon = readNameLexicon(config.lexicon) ?? EMPTY_LEXICON;
  const decode = mentionDecoder(config);
  const tagMany: EntityModel['tagMany'] = async (pages) => {
    const tokenized = pages.map(({ text, sentences }) => tokenizeSentences(text, sentences));
    const total = tokenized.reduce((sum, page) => sum + page.total, 0);
    if (total === 0) return pages.map(() => []);
    const perToken = config.hashing.featuresPerToken;
    const ids = new BigInt64Array(total * perToken);
    const halves = new Int32Array(ids.buffer);
    let at = LOW_HALF;
    for (const { batch } of tokenized) {
      // Features per page: document features read one page, never its neighbours in the batch.
      for (const sentence of extractFeatures(
        batch.map((s) => s.tokens.map((t) => t.text)),
        config.hashing,
        lexicon,
      )) {
        // Ids are non-negative int32: the low half of each int64 holds one, the high half stays 0
        // (a BigInt per id would cost more than the network run).
        for (let i = 0; i < sentence.length; i++, at += 2) halves[at] = sentence[i] ?? 0;
      }
    }
    const emissions = await runEmissions(runner, catalogueId, config, ids, total);
    let first = 0;
    return tokenized.map(({ batch, total: tokens }, p) => {
      const text = pages[p]?.text ?? '';
      const mentions = batch.flatMap(({ tokens: words, offset }) => decode(text, emissions, first + offset, words));
      first += tokens;
      if (options.documentDecisions === false) return mentions.map((m) => m.entity);
      // The sentences' tokens, already made for the network, are the page's tokens.
      return markQuotedTitles(
        text,
        propagateNames(
          text,
          decideNames(text, mentions, lexicon),
          batch.flatMap((s) => s.tokens),
        ),
      );
    });
  };
  return {
    id: config.modelId,
    backend: runner.backend,
    tagMany,
    async tag(text, sentences) {
      return (await tagMany([{ text, sentences }]))[0] ?? [];
    },
  };
}

/** Decodes one sentence's rows of emissions into name mentions with their per-type leanings. */
function mentionDecoder(config: TaggerConfig) {
  const chain = { labels: config.labels, transitions: config.transitions, start: config.start };
  const n = config.labels.length;
  const typeOfLabel = config.labels.map((label) => (TAGGER_TYPES as readonly string[]).indexOf(label.slice(2)));
  return (text: string, emissions: Float32Array, offset: number, tokens: readonly Span[]): NameMention[] => {
    const path = viterbi(emissions, offset, tokens.length, chain);
    const spans = bioToSpans(config.labels, path);
    // Confidences are read only on names: forward–backward covers the stretch from the first
    // name to the last, and a sentence without one skips it.
    if (spans.length === 0) return [];
    const needed = { from: spans[0]?.start ?? 0, to: spans[spans.length - 1]?.end ?? tokens.length };
    const marginals = labelMarginals(emissions, offset, tokens.length, chain, config.scoreTemperature, needed);
    return spans.map((span): NameMention => {
      let confidence = 0;
      const typeScores = TAGGER_TYPES.map(() => 0);
      for (let t = span.start; t < span.end; t++) {
        confidence += marginals[t * n + (path[t] ?? 0)] ?? 0;
        for (let y = 0; y < n; y++) {
          const type = typeOfLabel[y] ?? -1;
          if (type >= 0) typeScores[type] = (typeScores[type] ?? 0) + (marginals[t * n + y] ?? 0);
        }
      }
      const length = span.end - span.start;
      const start = tokens[span.start]?.start ?? 0;
      const end = tokens[span.end - 1]?.end ?? start;
      const score = Math.min(1, Math.max(0, confidence / length));
      const entity: Entity = { start, end, text: text.slice(start, end), type: span.type as EntityType, score, source: 'model' };
      return { entity, typeScores: typeScores.map((value) => value / length) };
    });
  };
}

function tokenizeSentences(text: string, sentences: readonly Span[]): { batch: SentenceTokens[]; total: number } {
  const batch: SentenceTokens[] = [];
  let total = 0;
  for (const sentence of sentences) {
    const tokens = taggerTokens(text.slice(sentence.start, sentence.end)).map((t) => ({
      start: t.start + sentence.start,
      end: t.end + sentence.start,
      text: t.text,
    }));
    if (tokens.length === 0) continue;
    batch.push({ tokens, offset: total });
    total += tokens.length;
  }
  return { batch, total };
}

/**
 * Tokens per run of the emission graph. Its intermediate tensors hold every feature's scores
 * (tokens × features × labels floats): 8,192 tokens keep them near 10 MB where a 2-million-
 * character page in one run would need gigabytes, more than a browser gives WebAssembly.
 */
export const MAX_TOKENS_PER_RUN = 8_192;

/** The emission scores of `total` tokens (`ids`: their feature ids, row by row), in runs of at most {@link MAX_TOKENS_PER_RUN} tokens. */
async function runEmissions(
  runner: TensorRunner,
  catalogueId: string,
  config: TaggerConfig,
  ids: BigInt64Array,
  total: number,
): Promise<Float32Array> {
  const perToken = config.hashing.featuresPerToken;
  const labels = config.labels.length;
  const emissions = new Float32Array(total * labels);
  for (let first = 0; first < total; first += MAX_TOKENS_PER_RUN) {
    const count = Math.min(MAX_TOKENS_PER_RUN, total - first);
    // A copy, not a view: a view would carry the whole batch's buffer to a worker.
    const data = ids.slice(first * perToken, (first + count) * perToken);
    const outputs = await runner.run(catalogueId, { [config.io.input]: { type: 'int64', data, dims: [count, perToken] } });
    emissions.set(checkedEmissions(outputs[config.io.output], count, labels), first * labels);
  }
  return emissions;
}

function checkedEmissions(tensor: Tensor | undefined, tokens: number, labels: number): Float32Array {
  if (!tensor || !(tensor.data instanceof Float32Array) || tensor.data.length !== tokens * labels) {
    throw new Error(
      `entity model returned no float32 [${tokens}, ${labels}] emissions — model.onnx and tagger-config.json do not match; rebuild both with \`npm run train -- entities\``,
    );
  }
  return tensor.data;
}
