import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { clickPanelButton, openSidePanelFor, waitForPanelText } from './helpers/side-panel';
import { openTab } from './helpers/tabs';

const VIEWPORT = { width: 400, height: 900 };

/** How many panel viewports tall the panel's content is. */
function screens(panel: Page): Promise<number> {
  return panel.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
}

function headings(panel: Page, selector: string): Promise<string[]> {
  return panel.$$eval(selector, (els) => els.map((el) => (el.textContent ?? '').trim()));
}

describe('the side panel on a 20,000-word page', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('stays under five screens tall until the reader expands a section, with names in a stable order and a filter', async () => {
    const chromium = await launchWithExtension();
    const { tabId } = await openTab(chromium, server.url('articles/long-read.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    expect(state.status).toBe('done');
    const analysis = state.analysis!;
    const text = (await chromium.worker.evaluate((id) => globalThis.loupe!.capturedText(id), tabId))!;
    const words = text.split(/\s+/u).length;
    expect(words).toBeGreaterThanOrEqual(20_000);
    expect(analysis.entities!.items.length).toBeGreaterThanOrEqual(1000);
    expect(analysis.bias!.flags.length).toBeGreaterThanOrEqual(500);

    const panel = await openSidePanelFor(chromium, tabId, VIEWPORT);
    await waitForPanelText(panel, 'Export Markdown', 30_000);
    const folded = await screens(panel);
    expect(folded).toBeLessThan(5);

    // People, organisations, places, then the rest: the same order on every page.
    const groups = await headings(panel, '[data-role="entity-group"] h3');
    expect(groups.slice(0, 3).map((h) => h.split(' ')[0])).toEqual(['People', 'Organisations', 'Places']);

    // Every flag is one click away, in its category.
    await clickPanelButton(panel, 'Show all');
    expect(await screens(panel)).toBeGreaterThan(folded);

    // The filter narrows names and flags to those that mention what the reader typed.
    await panel.type('input[type="search"]', 'Okafor');
    await panel.waitForFunction(
      () => [...document.querySelectorAll('[data-role="entity-group"] .chip')].every((chip) => chip.textContent?.includes('Okafor')),
      { timeout: 10_000, polling: 100 },
    );
    const chips = await panel.$$eval('[data-role="entity-group"] .chip', (els) => els.length);
    expect(chips).toBeGreaterThan(0);
    const flags = await panel.$$eval('[data-role="flag"] q', (els) => els.map((q) => q.textContent ?? ''));
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((text) => text.includes('Okafor'))).toBe(true);
  });
});
