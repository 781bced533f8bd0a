import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon } from './helpers/daemon-process';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { captionCardText, openTab } from './helpers/tabs';

// What news-article.html says about its figure.
const ALT = 'Council members raising their hands during the seawall vote';
const FIGCAPTION = 'The final tally at Harbor Point Town Hall on Tuesday evening.';

describe('"Caption this image" on the article figure', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows a card with the page context in the browser, saying it is not a generated caption', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    const srcUrl = server.url('articles/harbor.png');
    const description = await chromium.worker.evaluate((id, src) => globalThis.loupe!.captionImage(id, src), tabId, srcUrl);
    expect(description.provenance.engine).toBe('browser');
    expect(description.caption).toBeUndefined();
    expect(description.context).toContainEqual({ source: 'alt', text: ALT });
    expect(description.context).toContainEqual({ source: 'figcaption', text: FIGCAPTION });

    const card = await captionCardText(page);
    expect(card).toContain('not a generated caption');
    expect(card).toContain(FIGCAPTION);
    expect(card).toContain(ALT);
  });

  it('adds the text read from the image when the daemon is paired', async () => {
    const daemon = await startDaemon();
    const chromium = await launchWithExtension();
    const paired = await chromium.worker.evaluate((port, token) => globalThis.loupe!.pair({ port, token }), daemon.port, daemon.token);
    expect(paired.status).toBe('connected');
    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    const description = await chromium.worker.evaluate(
      (id, src) => globalThis.loupe!.captionImage(id, src),
      tabId,
      server.url('articles/harbor.png'),
    );
    expect(description.provenance.engine).toBe('daemon');
    expect(description.ocrText).toContain('Harbor Point vote');
    expect(description.context).toContainEqual({ source: 'figcaption', text: FIGCAPTION });

    const card = await captionCardText(page);
    expect(card).toContain('Text in the image');
    expect(card).toContain('Harbor Point vote');
  });
});
