import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon } from './helpers/daemon-process';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { openSidePanelFor, waitForPanelText } from './helpers/side-panel';
import { openTab } from './helpers/tabs';

describe('notes in the side panel', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('says once that the full models are not installed, when every task went to a daemon without them', async () => {
    const daemon = await startDaemon();
    const chromium = await launchWithExtension();
    const paired = await chromium.worker.evaluate(
      async (port, token) => {
        type Local = { get(k: string): Promise<Record<string, Record<string, unknown>>>; set(v: object): Promise<void> };
        const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
        const settings = (await local.get('settings')).settings ?? {};
        await local.set({
          settings: { ...settings, routing: { summary: 'daemon', entities: 'daemon', bias: 'daemon', captions: 'daemon' } },
        });
        return globalThis.loupe!.pair({ port, token });
      },
      daemon.port,
      daemon.token,
    );
    expect(paired.status).toBe('connected');
    const { tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    const notes = [state.analysis?.summary, state.analysis?.entities, state.analysis?.bias].map((s) => s?.provenance.note ?? '');
    expect(notes.filter((note) => note.includes('is not installed'))).toHaveLength(3);

    const panel = await openSidePanelFor(chromium, tabId);
    await waitForPanelText(panel, 'Export Markdown');
    // biome-ignore lint/performance/useDomNodeTextContent: counts the notes a reader sees, not copies hidden in the DOM
    const text = await panel.evaluate(() => document.body.innerText);
    expect(text.match(/not installed/g)).toHaveLength(1);
    expect(text.match(/loupe models pull/g)).toHaveLength(1);
    expect(text).toContain('Xenova/distilbart-cnn-6-6');
  });
});
