import type { Browser } from '@wxt-dev/browser';
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './launch-browser';

export interface FixtureTab {
  readonly page: Page;
  /** The tab's id as the extension sees it (what the `globalThis.loupe` hooks take). */
  readonly tabId: number;
}

/** Opens `url` in a new tab, waits for it to load, and finds its tab id through the extension. */
export async function openTab(chromium: ExtensionBrowser, url: string): Promise<FixtureTab> {
  const page = await chromium.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await chromium.worker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as { chrome: typeof Browser };
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === url)?.id;
  }, url);
  if (tabId === undefined) throw new Error(`the extension sees no tab with ${url}`);
  return { page, tabId };
}

/** The text of each range of a CSS Custom Highlight in the page (`loupe-bias`, `loupe-entity`...). */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? [...highlight].map((range) => (range as Range).toString()) : [];
  }, name);
}

/** The visible text of Loupe's in-page caption card (inside its open shadow root); null when absent. */
export function captionCardText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-loupe-card]')?.shadowRoot?.textContent ?? null);
}
