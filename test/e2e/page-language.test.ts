import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { withheldNotices } from './helpers/side-panel';
import { highlightTexts, openTab } from './helpers/tabs';

describe('a German page in Chromium', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('gets no names or bias flags from the English models, keeps dates and figures, and the panel names its language', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/german-article.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    expect(state.error).toBeUndefined();
    const analysis = state.analysis!;
    expect(analysis.page?.language).toMatchObject({ code: 'de', name: 'German', supported: false });
    const names = analysis.entities!.items.filter((e) => ['PER', 'ORG', 'LOC', 'MISC'].includes(e.type));
    expect(names).toEqual([]);
    expect(analysis.entities!.items.some((e) => e.type === 'PERCENT' || e.type === 'MONEY' || e.type === 'DATE')).toBe(true);
    expect(analysis.bias!.flags).toEqual([]);
    expect(analysis.bias!.withheld?.reason).toBe('language');
    expect(await highlightTexts(page, 'loupe-bias')).toEqual([]);
    const marked = await highlightTexts(page, 'loupe-entity');
    for (const noun of ['Patienten', 'Kunden', 'Daten']) expect(marked).not.toContain(noun);

    const notices = await withheldNotices(chromium, tabId);
    expect(notices.some((n) => /This page is in German.*names of people.*not marked/su.test(n))).toBe(true);
    expect(notices.some((n) => /This page is in German.*not checked for bias/su.test(n))).toBe(true);
  });
});
