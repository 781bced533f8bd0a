import { describe, expect, it } from 'vitest';
import { batchEntityCalls } from '../../../../shared/lite/entity-tagger/batch-entity-calls';
import { createEntityModel, MAX_TOKENS_PER_RUN } from '../../../../shared/lite/entity-tagger/create-entity-model';
import type { TensorRunner } from '../../../../shared/lite/tensor-runner';
import { segmentSentences } from '../../../../shared/text/segment-sentences';
import { loadTaggerConfig } from '../../../../models/training/entities/evaluate-entities';
import { createOrtNodeRunner, ENTITY_CONFIG_PATH, ENTITY_MODEL_PATH } from '../../../../models/training/entities/ort-node-runner';

// Project-written lines, as a corpus annotated with `loupe analyze --jsonl` would have them.
const LINES = [
  'Angela Morrow met Tomas Okafor in Lisbon on Tuesday.',
  'Shares of Northwind Foods fell after the company cut its forecast.',
  'THE HARBOR POINT COUNCIL VOTES',
  'Priya Raman studied at the University of Toronto before moving to Oslo.',
];

/** The committed tagger, counting how often its network runs. */
function countingModel() {
  const inner = createOrtNodeRunner({ 'lite/entities': ENTITY_MODEL_PATH });
  const tokensPerRun: number[] = [];
  const runner: TensorRunner = {
    backend: inner.backend,
    run: (id, feeds) => {
      tokensPerRun.push(Object.values(feeds)[0]?.dims[0] ?? 0);
      return inner.run(id, feeds);
    },
  };
  return { model: createEntityModel(runner, loadTaggerConfig(ENTITY_CONFIG_PATH)), runs: () => tokensPerRun.length, tokensPerRun };
}

const names = (entities: { text: string; type: string }[]) => entities.map((e) => `${e.type}:${e.text}`);

describe('tagging many inputs with one run of the network', () => {
  it('finds for each line what tagging it alone finds', async () => {
    const { model } = countingModel();
    const alone = await Promise.all(LINES.map((text) => model.tag(text, segmentSentences(text))));
    const together = await model.tagMany!(LINES.map((text) => ({ text, sentences: segmentSentences(text) })));
    expect(together.map(names)).toEqual(alone.map(names));
    expect(alone.flat().length).toBeGreaterThan(4);
  });

  it('gathers the lines analysed together into one run, and hands each caller its own names', async () => {
    const { model, runs } = countingModel();
    const batched = batchEntityCalls(model);
    const found = await Promise.all(LINES.map((text) => batched.tag(text, segmentSentences(text))));
    expect(runs()).toBe(1);
    expect(names(found[0]!)).toContain('PER:Angela Morrow');
    expect(names(found[3]!)).toContain('ORG:University of Toronto');
  });

  it('passes a failed batch on to every caller in it', async () => {
    const broken: TensorRunner = {
      backend: 'cpu',
      run: async () => {
        throw new Error('session lost');
      },
    };
    const batched = batchEntityCalls(createEntityModel(broken, loadTaggerConfig(ENTITY_CONFIG_PATH)));
    const outcomes = await Promise.allSettled(LINES.map((text) => batched.tag(text, segmentSentences(text))));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
  });

  it('runs a page longer than one run allows in several, and finds its names to the end', async () => {
    const { model, tokensPerRun } = countingModel();
    const lines = Array.from({ length: 2000 }, (_, i) => LINES[i % LINES.length] ?? '');
    const text = lines.join('\n');
    const [entities] = await model.tagMany!([{ text, sentences: segmentSentences(text) }]);
    expect(tokensPerRun.length).toBeGreaterThan(1);
    expect(Math.max(...tokensPerRun)).toBeLessThanOrEqual(MAX_TOKENS_PER_RUN);
    const last = text.lastIndexOf('Priya Raman');
    expect(entities!.find((e) => e.start === last)).toMatchObject({ text: 'Priya Raman', type: 'PER' });
    expect(entities!.filter((e) => e.text === 'Lisbon').length).toBe(500);
  });
});
