import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './launch-browser';

/**
 * Opens the side panel page following tab `tabId`. The real panel sits beside the page and shows
 * the active tab of its window; opened as a tab it would be its own active tab (and a background
 * tab cannot be screenshotted headless), so its one "which tab is active?" query is answered with
 * `tabId`. Everything else is the real panel.
 */
export async function openSidePanelFor(chromium: ExtensionBrowser, tabId: number, viewport = { width: 400, height: 900 }): Promise<Page> {
  const panel = await chromium.browser.newPage();
  await panel.setViewport(viewport);
  await panel.evaluateOnNewDocument((articleTabId) => {
    type Tabs = { query(q: { active?: boolean; currentWindow?: boolean }): Promise<unknown[]> };
    const scope = globalThis as unknown as { chrome?: { tabs?: Tabs }; browser?: { tabs?: Tabs } };
    for (const tabs of [scope.chrome?.tabs, scope.browser?.tabs]) {
      if (!tabs) continue;
      const query = tabs.query.bind(tabs);
      tabs.query = (q) => (q.active && q.currentWindow ? Promise.resolve([{ id: articleTabId, active: true }]) : query(q));
    }
  }, tabId);
  await panel.goto(`chrome-extension://${chromium.extensionId}/sidepanel.html`, { waitUntil: 'load' });
  return panel;
}

/** Waits until the panel's visible text contains `text`. */
export async function waitForPanelText(panel: Page, text: string, timeout = 15_000): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: the panel's visible text: a hidden or collapsed element must not satisfy the wait
  await panel.waitForFunction((text) => document.body.innerText.includes(text), { timeout, polling: 100 }, text);
}

/** Clicks the panel button whose text contains `label` (the first one). */
export async function clickPanelButton(panel: Page, label: string): Promise<void> {
  const clicked = await panel.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes(label));
    button?.click();
    return Boolean(button);
  }, label);
  if (!clicked) throw new Error(`the side panel has no button "${label}"`);
}

/** The names of Loupe's CSS highlights that mark something in the page now. */
export function loupeHighlightsIn(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('loupe-') && CSS.highlights.get(name)!.size > 0));
}

/** The side panel's notices of what Loupe did not check on tab `tabId` and why (a recipe, a page in German). */
export async function withheldNotices(chromium: ExtensionBrowser, tabId: number): Promise<string[]> {
  const panel = await openSidePanelFor(chromium, tabId);
  await panel.waitForSelector('[data-role="withheld"]', { timeout: 15_000 });
  return panel.$$eval('[data-role="withheld"]', (els) => els.map((el) => el.textContent ?? ''));
}
