import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { clickPanelButton, loupeHighlightsIn, openSidePanelFor, waitForPanelText } from './helpers/side-panel';
import { openTab } from './helpers/tabs';

const KEY_POINT = 'The Harbor Point Council voted 6-3';

describe('the per-site switch and the focus highlight', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('the focus highlight clears when the reader clicks in the page', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    expect((await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId)).status).toBe('done');
    const panel = await openSidePanelFor(chromium, tabId);
    await waitForPanelText(panel, KEY_POINT);
    await clickPanelButton(panel, KEY_POINT);
    await page.waitForFunction(() => (CSS.highlights.get('loupe-focus')?.size ?? 0) > 0, { timeout: 10_000, polling: 50 });

    await page.bringToFront();
    await page.mouse.click(5, 5);
    // Cleared by the click itself (as the event is handled), not by the mark's own time running out.
    expect(await page.evaluate(() => CSS.highlights.get('loupe-focus')?.size ?? 0)).toBe(0);
    // Only the focus goes: the annotations stay.
    expect(await loupeHighlightsIn(page)).toEqual(expect.arrayContaining(['loupe-bias', 'loupe-entity', 'loupe-summary']));
  });

  it('turning Loupe off for the site clears the open page, and the toolbar button then says it is off', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    expect((await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId)).status).toBe('done');
    await chromium.worker.evaluate((id, src) => globalThis.loupe!.captionImage(id, src), tabId, server.url('articles/harbor.png'));
    const panel = await openSidePanelFor(chromium, tabId);
    await waitForPanelText(panel, KEY_POINT);
    // The caption lives on its card, beside the image: the panel keeps no stale "Last image".
    // biome-ignore lint/performance/useDomNodeTextContent: the panel must not show it to a reader
    expect(await panel.evaluate(() => document.body.innerText)).not.toContain('Last image');
    await clickPanelButton(panel, KEY_POINT);
    await page.waitForFunction(() => (CSS.highlights.get('loupe-focus')?.size ?? 0) > 0, { timeout: 10_000, polling: 50 });

    // Side panel → untick "Loupe on this site".
    await panel.evaluate(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('Loupe on this site'))!;
      label.querySelector('input')!.click();
    });
    await page.waitForFunction(
      () => [...CSS.highlights.keys()].every((name) => !name.startsWith('loupe-') || CSS.highlights.get(name)!.size === 0),
      { timeout: 10_000, polling: 50 },
    );
    expect(await page.evaluate(() => document.querySelector('[data-loupe-card]'))).toBeNull();
    await waitForPanelText(panel, 'Loupe is off for this site');
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees once the site is switched off
    expect(await panel.evaluate(() => document.body.innerText)).not.toContain(KEY_POINT);

    // The toolbar button says so, and pressing it explains instead of failing.
    const title = await chromium.worker.evaluate(
      (id) =>
        (globalThis as unknown as { chrome: { action: { getTitle(d: object): Promise<string> } } }).chrome.action.getTitle({ tabId: id }),
      tabId,
    );
    expect(title).toMatch(/off for this site/);
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.pressToolbarButton(id), tabId);
    expect(state.status).not.toBe('error');
    expect(await panel.evaluate(() => document.querySelector('[role="alert"], .error')?.textContent ?? null)).toBeNull();
    expect(await loupeHighlightsIn(page)).toEqual([]);
  });
});
