import { createEntityModel } from '../../../shared/lite/entity-tagger/create-entity-model';
import { taggerTokens } from '../../../shared/lite/entity-tagger/tagger-tokens';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { loadTaggerConfig } from './evaluate-entities';
import { createOrtNodeRunner, ENTITY_CONFIG_PATH, ENTITY_MODEL_PATH } from './ort-node-runner';

/** Project-written news-like paragraph; the bench repeats it to make a long page. */
const PARAGRAPH = [
  'Angela Morrow, a spokeswoman for the Harbor Point Council, said on Tuesday that Riverside Bank will open an office in Lisbon.',
  'Tomas Okafor flew from Nairobi to Berlin on Friday to meet executives of Keller Motors, the carmaker said in a statement.',
  "Priya Raman's team at the University of Toronto won the award ahead of researchers from Osaka and the Danish Space Agency.",
  'Shares of Northwind Foods fell 3.2 percent in early trading after the company cut its forecast for the year.',
].join(' ');

/** One measurement of the lite entity tagger's speed on onnxruntime-node (CPU, one thread). */
export interface EntityBench {
  readonly backend: string;
  readonly tokens: number;
  readonly characters: number;
  /** Median over the timed runs of the whole `tag()` call (tokenise, hash, ONNX, Viterbi). */
  readonly seconds: number;
  readonly tokensPerSecond: number;
}

/**
 * Times `tag()` of the committed lite tagger on a page of `paragraphs` repeated paragraphs
 * (default 50, about 4,000 tokens), after one warm-up run. Prints nothing.
 */
export async function benchEntities(options: { paragraphs?: number; runs?: number } = {}): Promise<EntityBench> {
  const text = Array.from({ length: options.paragraphs ?? 50 }, () => PARAGRAPH).join('\n');
  const sentences = segmentSentences(text);
  const runner = createOrtNodeRunner({ 'lite/entities': ENTITY_MODEL_PATH });
  const model = createEntityModel(runner, loadTaggerConfig(ENTITY_CONFIG_PATH));
  await model.tag(text, sentences);
  const times: number[] = [];
  for (let i = 0; i < (options.runs ?? 5); i++) {
    const began = performance.now();
    await model.tag(text, sentences);
    times.push((performance.now() - began) / 1000);
  }
  times.sort((a, b) => a - b);
  const seconds = times[Math.floor(times.length / 2)] ?? 0;
  const tokens = sentences.reduce((sum, s) => sum + taggerTokens(s.text).length, 0);
  return { backend: runner.backend, tokens, characters: text.length, seconds, tokensPerSecond: tokens / seconds };
}
