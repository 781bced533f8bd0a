import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { highlightTexts, openTab } from './helpers/tabs';

describe('annotating a news article with the browser engine', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('highlights the biased passages and the entities, and summarises the page', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    expect(state.error).toBeUndefined();
    expect(state.status).toBe('done');
    const analysis = state.analysis!;

    // The deliberately biased sentences of the fixture, each by its trigger words: loaded words
    // from the trained model (lite/bias@2), the rest from the rules that run beside it.
    const cues = analysis.bias!.flags.flatMap((flag) => flag.cues.map((cue) => cue.text.toLowerCase()));
    for (const word of ['slammed', 'disastrous', 'reckless', 'totally']) expect(cues).toContain(word);
    const biased = await highlightTexts(page, 'loupe-bias');
    for (const phrase of ['slammed the disastrous plan', 'reportedly rushed', 'Experts agree', 'totally and absolutely']) {
      expect(
        biased.some((text) => text.includes(phrase)),
        `"${phrase}" highlighted as biased`,
      ).toBe(true);
    }
    expect(
      biased.some((text) => text.includes('Dr. Amara Okafor')),
      'a neutral sentence left alone',
    ).toBe(false);

    // The trained tagger (lite/entities@2) leaves titles out of names ("Mayor Elena Marsh" gives
    // "Elena Marsh", a person) and gives each name one type across the page.
    const entities = analysis.entities!.items.map((entity) => `${entity.type}:${entity.text}`);
    for (const entity of ['PER:Elena Marsh', 'ORG:Northfield University', 'MONEY:$48 million', 'EMAIL:seawall@harborpoint.gov']) {
      expect(entities).toContain(entity);
    }
    expect(entities.some((entity) => entity.endsWith(':Councillor Victor Reyes') || entity.endsWith(':Victor Reyes'))).toBe(true);
    const marked = await highlightTexts(page, 'loupe-entity');
    for (const name of ['Elena Marsh', 'Northfield University', '$48 million']) expect(marked).toContain(name);

    const summary = analysis.summary!;
    expect(summary.provenance.engine).toBe('browser');
    expect(summary.sentences.length).toBeGreaterThan(0);
    expect(summary.sentences.some((s) => s.text.includes('seawall'))).toBe(true);
    const summarised = await highlightTexts(page, 'loupe-summary');
    expect(summarised).toEqual(summary.sentences.map((s) => s.text));
  });
});
