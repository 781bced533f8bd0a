import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { AnnotationsExportSchema } from '../../extension/lib/export/annotations-json';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { clickPanelButton, openSidePanelFor, waitForPanelText } from './helpers/side-panel';
import { openTab } from './helpers/tabs';

/** Waits until a finished file ending with `suffix` is in `dir` (Chromium writes .crdownload first). */
async function downloaded(dir: string, suffix: string): Promise<string> {
  for (;;) {
    const name = (await readdir(dir)).find((file) => file.endsWith(suffix));
    if (name) return name;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('exporting the annotations of a page from the side panel', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('says how many dismissed flags it left out, in a file named after the whole words of the title', async () => {
    const downloads = await mkdtemp(join(tmpdir(), 'loupe-e2e-downloads-'));
    onTestFinished(() => rm(downloads, { recursive: true, force: true }));
    const chromium = await launchWithExtension({ downloadPath: downloads });
    const { tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    const flags = state.analysis!.bias!.flags.length;
    expect(flags).toBeGreaterThan(1);
    const panel = await openSidePanelFor(chromium, tabId);
    await waitForPanelText(panel, 'Export Markdown');
    await clickPanelButton(panel, 'Dismiss');
    await waitForPanelText(panel, '1 dismissed on this site');
    await waitForPanelText(panel, 'leave out 1 dismissed flag');

    await clickPanelButton(panel, 'Export Markdown');
    const markdownName = await downloaded(downloads, '.md');
    // "Harbor Point approves $48 million seawall after heated vote — The Lowmere Courier", cut between words.
    expect(markdownName).toBe('loupe-harbor-point-approves-48-million-seawall-after-heated-vote.md');
    const markdown = await readFile(join(downloads, markdownName), 'utf8');
    expect(markdown).toContain('1 flag dismissed on this site is left out.');
    expect(markdown.match(/^- \*\*/gmu)?.length).toBeGreaterThan(0);

    await clickPanelButton(panel, 'Export JSON');
    const json = AnnotationsExportSchema.parse(JSON.parse(await readFile(join(downloads, await downloaded(downloads, '.json')), 'utf8')));
    expect(json.bias?.flags).toHaveLength(flags - 1);
    expect(json.bias?.dismissedLeftOut).toBe(1);
  });
});
