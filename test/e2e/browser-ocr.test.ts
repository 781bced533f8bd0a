import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { captionCardText, openTab } from './helpers/tabs';

const FIGCAPTION = 'The final tally at Harbor Point Town Hall on Tuesday evening.';

describe('"Caption this image" reads the text in the image in the browser, with no daemon', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows the text read from harbor.png on the card, from lite/ocr on WebAssembly', async () => {
    const chromium = await launchWithExtension();
    const { page, tabId } = await openTab(chromium, server.url('articles/news-article.html'));
    const description = await chromium.worker.evaluate(
      (id, src) => globalThis.loupe!.captionImage(id, src),
      tabId,
      server.url('articles/harbor.png'),
    );
    expect(description.provenance).toMatchObject({ engine: 'browser', tier: 'lite', backend: 'wasm' });
    expect(description.provenance.note).toBeUndefined();
    expect(description.caption).toBeUndefined();
    expect(description.ocrText).toContain('Harbor Point vote');
    expect(description.context).toContainEqual({ source: 'figcaption', text: FIGCAPTION });

    const card = await captionCardText(page);
    expect(card).toContain('Text in the image');
    expect(card).toContain('Harbor Point');
    expect(card).toContain(FIGCAPTION);
  });
});
