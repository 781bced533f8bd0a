import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { withheldNotices } from './helpers/side-panel';
import { highlightTexts, openTab } from './helpers/tabs';

describe('what a page is, in Chromium', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('a recipe: flags none of its wording, says why in the side panel, and still gives key points from its prose', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/recipe.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    expect(state.error).toBeUndefined();
    const analysis = state.analysis!;
    expect(analysis.page?.genre).toBe('recipe');
    expect(analysis.bias?.flags).toEqual([]);
    expect(await highlightTexts(page, 'loupe-bias')).toEqual([]);

    const points = analysis.summary!.sentences.map((s) => s.text);
    expect(points.length).toBeGreaterThan(0);
    for (const furniture of ['Ingredients', 'The absolute best', 'A batch of jam cooling', 'Sign up', '(Photo']) {
      expect(
        points.some((p) => p.startsWith(furniture)),
        `"${furniture}" is not a key point`,
      ).toBe(false);
    }

    expect(await withheldNotices(chromium, tabId)).toEqual([expect.stringMatching(/looks like a recipe .*does not flag its wording/)]);
  });

  it("a chapter of a story: flags none of its characters' words and says in the side panel that it is fiction", async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/story-chapter.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    expect(state.error).toBeUndefined();
    const analysis = state.analysis!;
    expect(analysis.page?.genre).toBe('fiction');
    expect(analysis.bias?.flags).toEqual([]);
    // The article's title, as the daemon reads it: the site's name is not part of it.
    expect(analysis.summary?.generated).toBe('A story: The Lantern Keeper - Chapter 3 - quietwriter.');
    expect(await highlightTexts(page, 'loupe-bias')).toEqual([]);

    expect(await withheldNotices(chromium, tabId)).toEqual([
      expect.stringMatching(/looks like fiction .*original fiction.*does not flag its wording/),
    ]);
  });

  it('a caption outside <figure> is read as a caption from its class: no flag on it and no key point from it', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/classed-caption.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    expect(state.error).toBeUndefined();
    const analysis = state.analysis!;
    expect(analysis.bias?.flags.filter((f) => f.text.startsWith('Protesters'))).toEqual([]);
    expect(await highlightTexts(page, 'loupe-bias')).toEqual([]);
    expect(analysis.summary!.sentences.some((s) => s.text.startsWith('Protesters'))).toBe(false);
  });
});
