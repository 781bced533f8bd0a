import type { WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCONNECTED_NOTE } from '../../extension/entrypoints/background/router';
import { startDaemon } from './helpers/daemon-process';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { highlightTexts, openTab } from './helpers/tabs';

describe('annotating through a paired daemon', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('summarises on the daemon, and still annotates when the daemon dies mid-request', async () => {
    const daemon = await startDaemon();
    const chromium = await launchWithExtension();
    const paired = await chromium.worker.evaluate((port, token) => globalThis.loupe!.pair({ port, token }), daemon.port, daemon.token);
    expect(paired.status).toBe('connected');
    await daemon.waitForOutput(/connected: "?chrome-extension:\/\//);

    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    const first = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    expect(first.error).toBeUndefined();
    expect(first.analysis?.summary?.provenance.engine).toBe('daemon');
    expect(first.analysis?.summary?.sentences.length).toBeGreaterThan(0);
    expect(await highlightTexts(page, 'loupe-summary')).not.toEqual([]);

    // Freeze the daemon so the next request is sent and left hanging, then kill it.
    daemon.freeze();
    const second = chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId);
    await waitUntilAnalysing(chromium.worker, tabId);
    await daemon.kill();
    const state = await second;
    expect(state.error).toBeUndefined();
    expect(state.status).toBe('done');
    expect(state.analysis?.summary?.provenance.engine).toBe('browser');
    expect(state.analysis?.summary?.provenance.note).toBe(DISCONNECTED_NOTE);
    const sentences = state.analysis?.summary?.sentences.map((s) => s.text) ?? [];
    expect(sentences).not.toEqual([]);
    expect(await highlightTexts(page, 'loupe-summary')).toEqual(sentences);
  });
});

/** The tab's analysis is under way and a request to the (frozen) daemon is waiting for its answer. */
async function waitUntilAnalysing(worker: WebWorker, tabId: number): Promise<void> {
  await worker.evaluate(async (id) => {
    for (;;) {
      const state = globalThis.loupe!.lastResults(id);
      if (state.status === 'working' && globalThis.loupe!.daemonRequestsInFlight() > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, tabId);
}
