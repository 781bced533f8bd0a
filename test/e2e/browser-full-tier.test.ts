import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FullTierTestHooks } from '../../extension/entrypoints/background/test-hooks';
import catalogue from '../../models/catalogue.json';
import { CatalogueSchema } from '../../shared/models/catalogue-schema';
import { RED_CAPTION } from '../fixtures/synthetic-models/build-captioner-model';
import { buildSyntheticModelsInTemp } from '../fixtures/synthetic-models/build-synthetic-models';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { hubLayout } from './helpers/hub-layout';
import { launchWithExtension, type ExtensionBrowser } from './helpers/launch-browser';
import { captionCardText, highlightTexts, openTab } from './helpers/tabs';

const NER = 'Xenova/bert-base-NER';
const CAPTIONER = 'Mozilla/distilvit';
const SUMMARIZER = 'Xenova/distilbart-cnn-6-6';
const NLI = 'Xenova/nli-deberta-v3-xsmall';
/** Words the synthetic tagger knows (test/fixtures/synthetic-models/build-ner-model.ts). */
const NAMES_PAGE =
  '<!doctype html><html lang="en"><head><title>Summit in Paris</title></head><body><article><h1>Summit in Paris</h1>' +
  '<p>Angela Merkel met Kofi Annan in Paris on Monday. She flew to Berlin and thanked the United Nations.</p>' +
  `<p>${'The talks covered trade, climate and the future of the alliance, and both sides said afterwards that the meeting had gone well. '.repeat(4)}</p>` +
  `<p>${'Officials from several delegations described the discussions as frank, long and useful for the months of negotiation ahead. '.repeat(4)}</p>` +
  '</article></body></html>';

/** A page with one clearly red picture: the synthetic captioner picks its caption by redness. */
const FIGURE_PAGE =
  '<!doctype html><html lang="en"><head><title>Figure</title></head><body><figure>' +
  '<img src="/red.png" alt="A photo" width="64" height="64"><figcaption>Our test figure.</figcaption></figure></body></html>';

interface Mirror {
  url: string;
  asked: string[];
  tamper(repo: string, file: string): () => void;
  close(): Promise<void>;
}

/**
 * A model mirror with the Hub's routes (`/<repo>/resolve/<revision>/<file>`, the LFS redirect to
 * its CDN, the `/api` tree listing), serving the synthetic models only at the revision the
 * catalogue names (a mismatch would be a 404, as on the Hub) and declaring each file's digest
 * as the Hub does; `asked` logs `<METHOD> <path>`.
 */
async function startMirror(root: string): Promise<Mirror> {
  const redPng = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 220, g: 30, b: 30 } } })
    .png()
    .toBuffer();
  const revisions = new Map(HUB_MODELS.map((m) => [m.source.repo, m.source.revision] as const));
  const hub = hubLayout(root, revisions);
  const asked: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    asked.push(`${req.method} ${path}`);
    if (path === '/names.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(NAMES_PAGE);
      return;
    }
    if (path === '/figure.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(FIGURE_PAGE);
      return;
    }
    if (path === '/red.png') {
      res.writeHead(200, { 'content-type': 'image/png' }).end(redPng);
      return;
    }
    if (!(await hub.answer(req, res))) res.writeHead(404).end('not on this mirror');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    tamper: hub.tamper,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Hooks = FullTierTestHooks & NonNullable<typeof globalThis.loupe>;

const HUB_MODELS = CatalogueSchema.parse(catalogue).models.flatMap((m) =>
  m.source.kind === 'huggingface' ? [{ ...m, source: m.source }] : [],
);
const hubModel = (id: string) => HUB_MODELS.find((m) => m.id === id)!;

async function download(chromium: ExtensionBrowser, mirror: string, id: string, dtype?: 'q8' | 'fp32') {
  await chromium.worker.evaluate((m) => (globalThis.loupe as Hooks).setModelMirror(m), mirror);
  return chromium.worker.evaluate((model, d) => (globalThis.loupe as Hooks).downloadModel(model, d), id, dtype);
}

describe('the full tier in the browser (synthetic models from a local mirror)', () => {
  let server: FixtureServer;
  let mirror: Mirror;
  let modelsRoot: string;
  beforeAll(async () => {
    server = await startFixtureServer();
    modelsRoot = (await buildSyntheticModelsInTemp()).root;
    mirror = await startMirror(modelsRoot);
  });
  afterAll(async () => {
    await server.close();
    await mirror.close();
    await rm(modelsRoot, { recursive: true, force: true });
  });

  it('downloads bert-base-NER and tags entities with it on WebAssembly, with provenance full/wasm', async () => {
    const chromium = await launchWithExtension();
    const installed = await download(chromium, mirror.url, NER);
    expect(installed).toMatchObject({ id: NER, dtype: 'q8' });
    expect(installed.files.map((f) => f.path)).toContain('onnx/model_quantized.onnx');
    expect(
      mirror.asked.some((p) => p.endsWith('/onnx/model.onnx')),
      'only the q8 weights are fetched',
    ).toBe(false);
    // The catalogue pins none of these files: each was checked against what the mirror declares.
    // Chromium cannot read the LFS redirect's headers, so the weights' sha256 came from the tree listing.
    const { revision } = hubModel(NER).source;
    expect(mirror.asked).toContain(`GET /api/models/${NER}/tree/${revision}/onnx`);
    expect(installed.files.map((f) => [f.path, f.verifiedBy, f.declared?.algorithm])).toEqual(
      expect.arrayContaining([
        ['onnx/model_quantized.onnx', 'mirror', 'sha256'],
        ['config.json', 'mirror', 'git-blob-sha1'],
      ]),
    );

    const article = await openTab(chromium, server.url('articles/news-article.html'));
    const state = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id, { tasks: ['entities'] }), article.tabId);
    expect(state.error).toBeUndefined();
    expect(state.analysis!.entities!.provenance).toMatchObject({ engine: 'browser', tier: 'full', model: NER, backend: 'wasm' });

    const names = await openTab(chromium, `${mirror.url}/names.html`);
    const tagged = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id, { tasks: ['entities'] }), names.tabId);
    const items = tagged.analysis!.entities!.items;
    for (const entity of ['PER:Angela Merkel', 'PER:Kofi Annan', 'LOC:Paris', 'LOC:Berlin', 'ORG:United Nations']) {
      expect(items.map((e) => `${e.type}:${e.text}`)).toContain(entity);
    }
    const text = (await chromium.worker.evaluate((id) => globalThis.loupe!.capturedText(id), names.tabId))!;
    for (const e of items) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(await highlightTexts(names.page, 'loupe-entity')).toEqual(
      expect.arrayContaining(['Angela Merkel', 'Kofi Annan', 'United Nations']),
    );
  });

  it('runs the same model on WebGPU when Chromium has a (SwiftShader) adapter', async () => {
    const chromium = await launchWithExtension({ webgpu: true });
    // The synthetic model has no fp16 export; q8 is what a browser without shader-f16 downloads.
    await download(chromium, mirror.url, NER, 'q8');
    const names = await openTab(chromium, `${mirror.url}/names.html`);
    const tagged = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id, { tasks: ['entities'] }), names.tabId);
    expect(tagged.error).toBeUndefined();
    expect(tagged.analysis!.entities!.provenance).toMatchObject({ engine: 'browser', tier: 'full', model: NER, backend: 'webgpu' });
    expect(tagged.analysis!.entities!.items.map((e) => `${e.type}:${e.text}`)).toContain('PER:Angela Merkel');
  });

  it('summarises with distilbart and flags bias with the NLI model in the browser when they are downloaded', async () => {
    const chromium = await launchWithExtension();
    await download(chromium, mirror.url, SUMMARIZER);
    await download(chromium, mirror.url, NLI);
    const names = await openTab(chromium, `${mirror.url}/names.html`);
    const summarised = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id, { tasks: ['summary'] }), names.tabId);
    expect(summarised.error).toBeUndefined();
    const summary = summarised.analysis!.summary!;
    expect(summary.provenance).toMatchObject({ engine: 'browser', tier: 'full', model: SUMMARIZER, backend: 'wasm' });
    // The synthetic summariser repeats the first sentence of each chunk it reads (its toy BPE
    // drops a letter here and there), so chunks from the start and the end of the page show.
    expect(summary.generated).toMatch(/^Angela Merkel met Kofi/u);
    expect(summary.generated).toContain('Officials from several delegations');
    expect(summary.sentences.length).toBeGreaterThan(0);

    const article = await openTab(chromium, server.url('articles/news-article.html'));
    const flagged = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id, { tasks: ['bias'] }), article.tabId);
    const bias = flagged.analysis!.bias!;
    expect(bias.provenance, bias.provenance.note).toMatchObject({ engine: 'browser', tier: 'full', model: NLI, backend: 'wasm' });
    expect(bias.flags.some((f) => f.cues.some((c) => c.text.toLowerCase() === 'slammed'))).toBe(true);
    expect(bias.flags.every((f) => f.explanation.includes(`${NLI} rates this sentence`))).toBe(true);
  });

  it('refuses weights the mirror declares otherwise than the catalogue pins, before downloading any, and installs nothing', async () => {
    const chromium = await launchWithExtension();
    // The catalogue records the real Hub digest of distilvit's q8 encoder; a synthetic file cannot match it.
    const pinned = hubModel(CAPTIONER).files.find((f) => f.path === 'onnx/encoder_model_quantized.onnx')!.sha256!;
    await expect(download(chromium, mirror.url, CAPTIONER, 'q8')).rejects.toThrow(
      new RegExp(`encoder_model_quantized\\.onnx: the mirror declares sha256 [0-9a-f]{64}, Loupe's catalogue pins ${pinned}`),
    );
    expect(mirror.asked.filter((p) => p.startsWith(`GET /cdn/${CAPTIONER}/`))).toEqual([]);
    expect(await chromium.worker.evaluate(() => (globalThis.loupe as Hooks).installedModels())).toEqual([]);
  });

  it('refuses weights whose bytes differ from what the mirror declares, and installs nothing', async () => {
    const chromium = await launchWithExtension();
    const untamper = mirror.tamper(NER, 'onnx/model_quantized.onnx');
    try {
      await expect(download(chromium, mirror.url, NER)).rejects.toThrow(
        /onnx\/model_quantized\.onnx failed its check against the mirror's declaration \(expected sha256/,
      );
    } finally {
      untamper();
    }
    expect(await chromium.worker.evaluate(() => (globalThis.loupe as Hooks).installedModels())).toEqual([]);
  });

  it('captions an image with the downloaded distilvit, labelled as generated by the full tier', async () => {
    const chromium = await launchWithExtension();
    // fp32: the catalogue records no digest for it (the q8 one is the real model's, see above).
    await download(chromium, mirror.url, CAPTIONER, 'fp32');
    const { page, tabId } = await openTab(chromium, `${mirror.url}/figure.html`);
    const description = await chromium.worker.evaluate(
      (id, src) => globalThis.loupe!.captionImage(id, src),
      tabId,
      `${mirror.url}/red.png`,
    );
    expect(description.provenance).toMatchObject({ engine: 'browser', tier: 'full', model: CAPTIONER, backend: 'wasm' });
    expect(description.caption).toBe(RED_CAPTION);
    expect(description.context).toContainEqual({ source: 'figcaption', text: 'Our test figure.' });
    // The card shows the generated caption in its own "Caption" section, apart from the page context.
    const shown = await page.evaluate(() => {
      const root = document.querySelector('[data-loupe-card]')?.shadowRoot;
      return {
        caption: root?.querySelector('[data-role="caption"] p')?.textContent,
        badge: root?.querySelector('[data-role="provenance"]')?.textContent,
      };
    });
    expect(shown).toEqual({ caption: RED_CAPTION, badge: `browser · full · ${CAPTIONER}` });
    expect(await captionCardText(page)).toContain('Our test figure.');
  });

  it('downloads and deletes from the Options page, showing the size before download', async () => {
    const chromium = await launchWithExtension();
    const options = await chromium.browser.newPage();
    await options.goto(`chrome-extension://${chromium.extensionId}/options.html`);
    const row = `tr[data-model="${NER}"]`;
    // The catalogue records no sizes for the real models yet, and Options says so rather than guess.
    await options.waitForFunction(
      (sel) => document.querySelector(`${sel} [data-role="size"]`)?.textContent === 'size unknown (q8)',
      {},
      row,
    );
    expect(await options.$eval('tr[data-model="Xenova/distilbart-cnn-6-6"]', (el) => el.textContent)).toContain('Daemon only');

    await options.$eval('#mirror', (el) => {
      (el as HTMLInputElement).value = '';
    });
    await options.type('#mirror', mirror.url);
    await options.click('#mirror + button');
    await options.click(`${row} button`);
    await options.waitForSelector(`${row} [data-role="installed"]`);
    expect(await options.$eval(`${row} [data-role="installed"]`, (el) => el.textContent)).toBe('Installed · q8 · 5.9 kB');
    expect(await options.$eval('[data-role="storage"]', (el) => el.textContent)).toBe('Models stored in this browser: 5.9 kB');
    expect(await chromium.worker.evaluate(() => (globalThis.loupe as Hooks).installedModels())).toMatchObject([{ id: NER, dtype: 'q8' }]);

    await options.click(`${row} button`);
    await options.waitForFunction((sel) => document.querySelector(`${sel} button`)?.textContent === 'Download', {}, row);
    expect(await chromium.worker.evaluate(() => (globalThis.loupe as Hooks).installedModels())).toEqual([]);
  });

  it('names the fix when the mirror cannot be reached', async () => {
    const chromium = await launchWithExtension();
    // A port nothing listens on: the download fails before any byte arrives.
    await expect(download(chromium, 'http://127.0.0.1:9', NER)).rejects.toThrow(
      'Could not reach http://127.0.0.1:9 — check your connection or set a local mirror in Options.',
    );
  });

  it('forgets a deleted model: entities fall back to the lite tier', async () => {
    const chromium = await launchWithExtension();
    await download(chromium, mirror.url, NER);
    await chromium.worker.evaluate((id) => (globalThis.loupe as Hooks).deleteModel(id), NER);
    expect(await chromium.worker.evaluate(() => (globalThis.loupe as Hooks).installedModels())).toEqual([]);
    const names = await openTab(chromium, `${mirror.url}/names.html`);
    const tagged = await chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id, { tasks: ['entities'] }), names.tabId);
    expect(tagged.analysis!.entities!.provenance.tier).toBe('lite');
  });
});
