import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paletteFor, stackedBackground } from '../../extension/entrypoints/content/highlight-palette';
import { composite, parseColor } from '../../extension/lib/contrast';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { ROOT } from './helpers/paths';
import { pixelsNear } from './helpers/pixels';
import { highlightTexts, openTab } from './helpers/tabs';

const SHOTS = join(ROOT, 'test/.artifacts/screenshots');

async function annotateAndShoot(page: Page, run: () => Promise<unknown>, name: string): Promise<Buffer> {
  await page.setViewport({ width: 1000, height: 900 });
  await run();
  await page.evaluate(() => document.querySelector('h1')!.scrollIntoView());
  await mkdir(SHOTS, { recursive: true });
  return Buffer.from(await page.screenshot({ path: join(SHOTS, `${name}.png`) as `${string}.png` }));
}

describe('how the marks look on light and dark pages', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('tints a flagged sentence lightly and marks its cue words, on a light page', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    const png = await annotateAndShoot(
      page,
      () => chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId),
      'marks-light',
    );
    const cues = await highlightTexts(page, 'loupe-cue');
    for (const word of ['slammed', 'disastrous', 'reckless']) expect(cues).toContain(word);
    expect(cues.some((text) => text.includes('Harbor Point'))).toBe(false);
    // "Opponents say the bond will totally and absolutely ruin…" is an unattributed claim and an
    // exaggeration: both flags mark their words, and the sentence is tinted once.
    for (const words of ['Opponents say', 'totally', 'absolutely']) expect(cues).toContain(words);
    const tints = await highlightTexts(page, 'loupe-bias');
    expect(tints.filter((text) => text.startsWith('Opponents say'))).toHaveLength(1);
    // A vague claim is a quiet hint: its word gets a thin line, not the cue words' strong mark.
    expect(await highlightTexts(page, 'loupe-hint')).toEqual(['reportedly']);
    expect(cues).not.toContain('reportedly');

    const white = parseColor('#ffffff')!;
    const palette = paletteFor(white, parseColor('#000000')!);
    // The sentence's light tint and the cue words' stronger one are both on screen.
    expect(await pixelsNear(png, composite(palette.bias, white))).toBeGreaterThan(2000);
    expect(await pixelsNear(png, composite(palette.cue, composite(palette.bias, white)))).toBeGreaterThan(300);
    // What the old style painted (an opaque-looking amber under a wavy line) is gone.
    expect(await pixelsNear(png, { r: 255, g: 227, b: 166, a: 1 }, 2)).toBe(0);
  });

  it('uses the dark palette on a dark page, and the text stays readable under it', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    await page.addStyleTag({ content: 'html, body { background: #121212; color: #e6e6e6; }' });
    const png = await annotateAndShoot(
      page,
      () => chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId),
      'marks-dark',
    );
    const dark = parseColor('#121212')!;
    const palette = paletteFor(dark, parseColor('#e6e6e6')!);
    expect(palette.text).toBeUndefined();
    expect(await pixelsNear(png, composite(palette.bias, dark))).toBeGreaterThan(2000);
    expect(await pixelsNear(png, stackedBackground({ ...palette, summary: { ...palette.summary, a: 0 } }, dark))).toBeGreaterThan(300);
  });
});
