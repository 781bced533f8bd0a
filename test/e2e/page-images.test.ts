import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { captionCardText, openTab } from './helpers/tabs';

// photo-essay.html: pier.png (no text in it, alt="image") sits straight in the <article> between
// two paragraphs; harbor.png (reads "Harbor Point vote: 6-3", alt="photo") in a plain <div>.
const PAGE = 'articles/photo-essay.html';
const BEFORE_PIER = 'reopened to walkers on Saturday';
const AFTER_PIER = 'forty-two oak piles';
const BEFORE_HARBOR = 'future of the old ferry slipway';
const AFTER_HARBOR = 'stay open to small boats';

describe('images outside <figure> on a real-looking page', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('"Caption this image" gives the paragraphs around an image that sits between them', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url(PAGE));
    const pier = await chromium.worker.evaluate(
      (id, src) => globalThis.loupe!.captionImage(id, src),
      tabId,
      server.url('articles/pier.png'),
    );
    const nearby = pier.context.find((c) => c.source === 'nearby')?.text ?? '';
    expect(nearby).toContain(BEFORE_PIER);
    expect(nearby).toContain(AFTER_PIER);
    expect(nearby).not.toContain('Subscribe');
    const card = await captionCardText(page);
    expect(card).toContain(AFTER_PIER);
    expect(card).not.toContain('The page says nothing about this image');

    const harbor = await chromium.worker.evaluate(
      (id, src) => globalThis.loupe!.captionImage(id, src),
      tabId,
      server.url('articles/harbor.png'),
    );
    const aroundHarbor = harbor.context.find((c) => c.source === 'nearby')?.text ?? '';
    expect(aroundHarbor).toContain(BEFORE_HARBOR);
    expect(aroundHarbor).toContain(AFTER_HARBOR);
  });

  it('accessibility mode describes images whose alt is "image" or "photo", naming where each part comes from', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url(PAGE));
    // Options → "Describe images for screen readers": the open page is described without a reload.
    await chromium.worker.evaluate(() => globalThis.loupe!.setAccessibilityMode(true));
    await page.waitForFunction(() => [...document.images].every((img) => img.hasAttribute('aria-describedby')), {
      timeout: 60_000,
      polling: 200,
    });
    const described = await page.evaluate(() =>
      [...document.images].map((img) => ({
        src: img.getAttribute('src'),
        alt: img.getAttribute('alt'),
        description: img
          .getAttribute('aria-describedby')!
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      })),
    );
    const pier = described.find((d) => d.src === 'pier.png')!;
    const harbor = described.find((d) => d.src === 'harbor.png')!;
    // The author's alt stays; the description is added beside it.
    expect(pier.alt).toBe('image');
    expect(pier.description).toContain(AFTER_PIER);
    expect(pier.description).not.toMatch(/text read from the image/i);
    expect(harbor.alt).toBe('photo');
    expect(harbor.description).toContain('Harbor Point vote');
    expect(harbor.description).toMatch(/text read from the image/i);
    // It quotes the picture, so it must not claim to come from the page only.
    expect(harbor.description).not.toMatch(/not the picture/i);
    // An image that arrives after the page loaded (lazy loading, a gallery) is described when it loads.
    await page.evaluate(() => {
      const late = document.createElement('img');
      Object.assign(late, { src: 'pier.png?late', alt: 'image', width: 320, height: 200, id: 'late' });
      document.querySelector('article')!.append(late);
    });
    await page.waitForFunction(() => document.getElementById('late')?.hasAttribute('aria-describedby'), { timeout: 60_000, polling: 200 });
    await chromium.worker.evaluate(async (id) => {
      while ((globalThis.loupe!.lastResults(id).accessibleImages?.length ?? 0) < 3)
        await new Promise((resolve) => setTimeout(resolve, 100));
    }, tabId);
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.lastResults(id), tabId);
    expect(state.accessibleImages?.map((img) => new URL(img.srcUrl).pathname + new URL(img.srcUrl).search).sort()).toEqual([
      '/articles/harbor.png',
      '/articles/pier.png',
      '/articles/pier.png?late',
    ]);
  });
});
