import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/lite/analyze-text';
import type { BiasModel, EntityModel } from '../../../shared/lite/lite-models';
import { LoupeError } from '../../../shared/protocol/errors';
import { AnalysisSchema, TEXT_TASKS, type TextTask } from '../../../shared/protocol/results';
import { articleText } from './article-text';
import { assertAnalysisSpansSliceText } from './assert-spans-slice-text';

const news = articleText('news-article.html');
const subsets: TextTask[][] = [[], ...TEXT_TASKS.map((t) => [t]), ['summary', 'bias'], [...TEXT_TASKS]];

describe('analyzeText', () => {
  it.each(subsets)('computes exactly the requested tasks %j', async (...tasks) => {
    const analysis = await analyzeText(news, { tasks, engine: 'browser' });
    expect(AnalysisSchema.safeParse(analysis).success).toBe(true);
    for (const task of TEXT_TASKS) expect(analysis[task] !== undefined).toBe(tasks.includes(task));
    assertAnalysisSpansSliceText(news, analysis);
  });

  it('labels rule results lite, with method ids and the calling engine', async () => {
    const analysis = await analyzeText(news, { tasks: TEXT_TASKS, engine: 'daemon', summarySentences: 2 });
    expect(analysis.summary?.sentences).toHaveLength(2);
    expect(analysis.summary?.provenance).toEqual({ engine: 'daemon', tier: 'lite', model: 'lite/summary-centroid@2', backend: 'rules' });
    expect(analysis.entities?.provenance.model).toBe('lite/entities-heuristic@1');
    expect(analysis.bias?.provenance.model).toBe('lite/bias-rules@1');
  });

  it('merges pattern entities with names, without overlaps, sorted by start', async () => {
    const { entities } = await analyzeText(news, { tasks: ['entities'], engine: 'browser' });
    const items = entities?.items ?? [];
    const types = new Set(items.map((e) => e.type));
    for (const type of ['PER', 'ORG', 'LOC', 'DATE', 'MONEY', 'PERCENT', 'EMAIL', 'URL']) expect(types).toContain(type);
    items.forEach((e, i) => {
      const next = items[i + 1];
      if (next) expect(e.end).toBeLessThanOrEqual(next.start);
    });
  });

  it('uses loaded models instead of the rules, and still adds pattern entities', async () => {
    const text = 'Ana Ruiz paid $5 million on 2 April 2024.';
    const entities: EntityModel = {
      id: 'lite/entities@1',
      backend: 'wasm',
      // A tagger that also claims the money span: the pattern must win there.
      tag: async () => [
        { start: 0, end: 8, text: 'Ana Ruiz', type: 'PER', score: 0.9, source: 'model' },
        { start: 14, end: 24, text: '$5 million', type: 'MISC', score: 0.5, source: 'model' },
      ],
    };
    const bias: BiasModel = { id: 'lite/bias@1', backend: 'wasm', flag: async () => [] };
    const analysis = await analyzeText(text, { tasks: ['entities', 'bias'], engine: 'browser', models: { entities, bias } });
    expect(analysis.entities?.items.map((e) => [e.type, e.text, e.source])).toEqual([
      ['PER', 'Ana Ruiz', 'model'],
      ['MONEY', '$5 million', 'pattern'],
      ['DATE', '2 April 2024', 'pattern'],
    ]);
    expect(analysis.entities?.provenance).toMatchObject({ model: 'lite/entities@1', backend: 'wasm' });
    expect(analysis.bias).toEqual({ flags: [], provenance: { engine: 'browser', tier: 'lite', model: 'lite/bias@1', backend: 'wasm' } });
  });

  it('refuses a page with no readable text, naming what to do instead', async () => {
    const empty = articleText('no-article.html');
    const error = await analyzeText(empty, { tasks: TEXT_TASKS, engine: 'browser' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoupeError);
    expect((error as LoupeError).code).toBe('no-article');
    expect((error as LoupeError).message).toContain('Summarize selection');
  });

  it('stops with a cancelled error once the signal aborts', async () => {
    const controller = new AbortController();
    const slowTagger: EntityModel = {
      id: 'lite/entities@1',
      backend: 'wasm',
      tag: async () => {
        controller.abort();
        return [];
      },
    };
    const error = await analyzeText(news, {
      tasks: TEXT_TASKS,
      engine: 'browser',
      signal: controller.signal,
      models: { entities: slowTagger },
    }).catch((e: unknown) => e);
    expect((error as LoupeError).code).toBe('cancelled');
  });

  it('analyses a 60-paragraph page with every span slicing it', async () => {
    const text = articleText('long-article.html');
    const analysis = await analyzeText(text, { tasks: TEXT_TASKS, engine: 'in-process' });
    // About 2,800 words: more key points than a short article's three.
    expect(analysis.summary?.sentences).toHaveLength(5);
    expect(analysis.entities?.items.length).toBeGreaterThan(100);
    assertAnalysisSpansSliceText(text, analysis);
  });
});
