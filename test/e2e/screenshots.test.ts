import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon } from './helpers/daemon-process';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension, type ExtensionBrowser } from './helpers/launch-browser';
import { ROOT } from './helpers/paths';
import { openSidePanelFor } from './helpers/side-panel';
import { captionCardText, highlightTexts, openTab, type FixtureTab } from './helpers/tabs';
import { paletteFor } from '../../extension/entrypoints/content/highlight-palette';
import { composite, parseColor } from '../../extension/lib/contrast';
import { pixelsNear } from './helpers/pixels';

/** The README's pictures are rewritten only on request; ordinary runs leave theirs in the ignored artifacts folder. */
const SHOTS_DIR = process.env.LOUPE_UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'test/screenshots') : join(ROOT, 'test/.artifacts/screenshots');
const ARTICLE = 'articles/news-article.html';
const ARTICLE_TITLE = 'Harbor Point approves $48 million seawall after heated vote';
const WHITE = parseColor('#ffffff')!;
/** A flagged sentence's tint over the article's white page (black text), as the content script fits it. */
const BIAS_ON_WHITE = composite(paletteFor(WHITE, parseColor('#000000')!).bias, WHITE);
/** The dark variant of the pictures: the same article on a dark page. */
const DARK_PAGE = 'html, body { background: #121212; color: #e6e6e6; } a { color: #8ab4f8; }';

async function shoot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
  await mkdir(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  return Buffer.from(await page.screenshot({ path: path as `${string}.png`, ...(clip ? { clip } : {}) }));
}

async function annotatedArticle(chromium: ExtensionBrowser, server: FixtureServer, options: { dark?: boolean } = {}): Promise<FixtureTab> {
  const tab = await openTab(chromium, server.url(ARTICLE));
  await tab.page.setViewport({ width: 1000, height: 900 });
  if (options.dark) await tab.page.addStyleTag({ content: DARK_PAGE });
  const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tab.tabId);
  expect(state.error).toBeUndefined();
  expect(state.status).toBe('done');
  return tab;
}

describe('screenshots of what a reader sees (README pictures)', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  for (const dark of [false, true]) {
    const suffix = dark ? '-dark' : '';
    it(`annotated-article${suffix}.png: the article with its flags, cue words, names and key points marked`, async () => {
      const chromium = await launchWithExtension();
      const { page } = await annotatedArticle(chromium, server, { dark });
      expect(await page.evaluate(() => document.documentElement.dataset.loupeState)).toBe('annotated');
      // From the headline down: the whole story fits in the picture, the site's masthead does not.
      await page.evaluate(() => {
        const headline = document.querySelector('h1')!;
        window.scrollTo(0, Math.max(0, headline.getBoundingClientRect().top + window.scrollY - 12));
      });
      const png = await shoot(page, `annotated-article${suffix}`);
      expect((await highlightTexts(page, 'loupe-cue')).length).toBeGreaterThan(0);
      // The flags are not just registered: their tint is on screen.
      const background = dark ? parseColor('#121212')! : WHITE;
      const tint = dark ? composite(paletteFor(background, parseColor('#e6e6e6')!).bias, background) : BIAS_ON_WHITE;
      expect(await pixelsNear(png, tint)).toBeGreaterThan(500);
    });

    it(`side-panel${suffix}.png: the side panel following the annotated tab`, async () => {
      const chromium = await launchWithExtension();
      const article = await annotatedArticle(chromium, server);
      const panel = await openSidePanelFor(chromium, article.tabId);
      if (dark) await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await panel.waitForFunction(
        (title) => document.querySelector('.page-title')?.textContent?.includes(title),
        { timeout: 15_000, polling: 200 },
        ARTICLE_TITLE,
      );
      // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees in the panel the screenshot shows
      const text = await panel.evaluate(() => document.body.innerText);
      await shoot(panel, `side-panel${suffix}`);
      expect(text).toContain('browser · lite');
      expect(text).toContain('Elena Marsh');
      expect(text).not.toContain('Press the button');
      const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(dark ? 'rgb(30, 30, 32)' : 'rgb(255, 255, 255)');
    });
  }

  it('caption-card.png: the card under the figure, with the page context and the text read from the image', async () => {
    const daemon = await startDaemon();
    try {
      const chromium = await launchWithExtension();
      const paired = await chromium.worker.evaluate((port, token) => globalThis.loupe!.pair({ port, token }), daemon.port, daemon.token);
      expect(paired.status).toBe('connected');
      const { page, tabId } = await openTab(chromium, server.url(ARTICLE));
      await page.setViewport({ width: 1000, height: 900 });
      const description = await chromium.worker.evaluate(
        (id, src) => globalThis.loupe!.captionImage(id, src),
        tabId,
        server.url('articles/harbor.png'),
      );
      expect(description.ocrText).toContain('Harbor Point vote');
      // The figure and the card under it, in page coordinates (the clip may reach below the viewport).
      const box = await page.evaluate(() => {
        const img = document.querySelector('figure img')!.getBoundingClientRect();
        const card = document.querySelector('[data-loupe-card]')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        const top = Math.max(0, Math.min(img.top, card.top) - 16) + window.scrollY;
        const left = Math.max(0, Math.min(img.left, card.left) - 16) + window.scrollX;
        const right = Math.max(img.right, card.right) + 16 + window.scrollX;
        return { x: left, y: top, width: right - left, height: card.bottom + 16 + window.scrollY - top };
      });
      await shoot(page, 'caption-card', box);
      const card = await captionCardText(page);
      expect(card).toContain('Text in the image');
      expect(card).toContain('Harbor Point vote');
      expect(card).toContain('not a generated caption');
    } finally {
      await daemon.stop();
    }
  });
});
