import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadLiteModels } from '../../daemon/lite-models/load-lite-models';
import { createMemoryLogger } from '../../daemon/logger';
import { analyzeText } from '../../shared/lite/analyze-text';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { highlightTexts, openTab } from './helpers/tabs';

describe('the trained lite models in the browser, with no daemon', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('tags entities with lite/entities@2 and flags bias with lite/bias@2 on WebAssembly, as the daemon would', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    expect(state.error).toBeUndefined();
    const { entities, bias } = state.analysis!;
    const text = (await chromium.worker.evaluate((id) => globalThis.loupe!.capturedText(id), tabId))!;

    expect(entities!.provenance).toEqual({ engine: 'browser', tier: 'lite', model: 'lite/entities@2', backend: 'wasm' });
    const named = entities!.items.filter((e) => ['PER', 'ORG', 'LOC', 'MISC'].includes(e.type));
    expect(named.map((e) => e.source)).toEqual(named.map(() => 'model'));
    expect(named).toContainEqual(expect.objectContaining({ type: 'ORG', text: 'Northfield University' }));
    expect(named.some((e) => e.type === 'PER' && e.text.endsWith('Elena Marsh'))).toBe(true);
    expect(entities!.items).toContainEqual(expect.objectContaining({ type: 'MONEY', text: '$48 million', source: 'pattern' }));
    const marked = await highlightTexts(page, 'loupe-entity');
    expect(marked).toContain('Northfield University');

    expect(bias!.provenance).toEqual({ engine: 'browser', tier: 'lite', model: 'lite/bias@2', backend: 'wasm' });
    const cues = bias!.flags.flatMap((flag) => flag.cues.map((cue) => cue.text.toLowerCase()));
    for (const word of ['slammed', 'disastrous', 'reckless', 'totally']) expect(cues).toContain(word);
    const highlighted = await highlightTexts(page, 'loupe-bias');
    for (const flag of bias!.flags) {
      const range = highlighted.find((passage) => passage === flag.text);
      expect(range, `"${flag.text}" highlighted as biased`).toBeDefined();
      for (const cue of flag.cues) expect(range, `cue "${cue.text}" inside its highlight`).toContain(cue.text);
    }
    expect(
      highlighted.some((passage) => passage.includes('Dr. Amara Okafor')),
      'a neutral sentence left alone',
    ).toBe(false);

    // Parity: the daemon's loader and onnxruntime-node, on the same text, give the same results.
    const models = await loadLiteModels({ logger: createMemoryLogger() });
    onTestFinished(() => models.release());
    const reference = await analyzeText(text, { tasks: ['entities', 'bias'], engine: 'in-process', models });
    const entityKey = (e: { type: string; start: number; end: number; source: string }) => `${e.type} ${e.start}-${e.end} ${e.source}`;
    expect(entities!.items.map(entityKey)).toEqual(reference.entities!.items.map(entityKey));
    entities!.items.forEach((e, i) => {
      expect(e.score).toBeCloseTo(reference.entities!.items[i]!.score, 4);
    });
    const flagKey = (f: { start: number; end: number; category: string; cues: { text: string }[] }) =>
      `${f.category} ${f.start}-${f.end} ${f.cues.map((c) => c.text).join(',')}`;
    expect(bias!.flags.map(flagKey)).toEqual(reference.bias!.flags.map(flagKey));
    bias!.flags.forEach((f, i) => {
      expect(f.score).toBeCloseTo(reference.bias!.flags[i]!.score, 4);
    });
  });
});
