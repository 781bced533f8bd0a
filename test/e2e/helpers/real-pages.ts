import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { z } from 'zod';
import type { ExtensionBrowser } from './launch-browser';
import { CHROME_BUILD, CHROMIUM, ROOT } from './paths';

/** What a page the project wrote says about itself: words that must (not) be analysed or marked. */
export const PageExpectationsSchema = z.strictObject({
  about: z.string(),
  analysed: z.array(z.string()).default([]),
  notAnalysed: z.array(z.string()).default([]),
  highlighted: z.array(z.string()).default([]),
  /** A substring of one of the notes the side panel shows for the page. */
  note: z.string().optional(),
});
export type PageExpectations = z.infer<typeof PageExpectationsSchema>;

export interface RealPage {
  name: string;
  /** The saved page (`source.html`). */
  file: string;
  expectations?: PageExpectations;
}

export interface RealPageSet {
  /** `readability-pages` (mozilla/readability's saved real pages) or `real-pages-lite` (ours). */
  name: string;
  pages: RealPage[];
  /** How many pages must come back with results for the run to count. */
  minAnnotated: number;
}

/** The project's own messy pages, always present. */
export const LITE_PAGES_DIR = join(ROOT, 'test/fixtures/real-pages-lite');

/** mozilla/readability's saved pages in ../shared/data (or $LOUPE_DATA_DIR) when that folder exists. */
export function readabilityPagesDir(): string {
  return join(process.env.LOUPE_DATA_DIR ?? resolve(ROOT, '../shared/data'), 'readability-pages');
}

export function loadPages(dir: string): RealPage[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'source.html')))
    .map((name) => {
      const expected = join(dir, name, 'expected.json');
      const expectations = existsSync(expected) ? PageExpectationsSchema.parse(JSON.parse(readFileSync(expected, 'utf8'))) : undefined;
      return { name, file: join(dir, name, 'source.html'), ...(expectations ? { expectations } : {}) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The real pages when the shared data is here, the project's own messy pages otherwise. */
export function chooseRealPages(): RealPageSet {
  const dir = readabilityPagesDir();
  if (existsSync(dir)) return { name: 'readability-pages', pages: loadPages(dir), minAnnotated: 100 };
  const pages = loadPages(LITE_PAGES_DIR);
  return { name: 'real-pages-lite', pages, minAnnotated: pages.length };
}

export interface PageServer {
  /** `http://127.0.0.1:<port>/`: a page of its own (a 404), to open a tab on before the sweep. */
  readonly home: string;
  /** `http://127.0.0.1:<port>/<name>/`: the page's saved HTML, and nothing else. */
  url(name: string): string;
  close(): Promise<void>;
}

/** Serves each page's source.html at /<name>/; every other path is a 404 (subresources included). */
export async function startPageServer(pages: readonly RealPage[]): Promise<PageServer> {
  const byName = new Map(pages.map((p) => [p.name, p.file]));
  const server = createServer((req, res) => {
    const [name, ...rest] = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
      .split('/')
      .filter(Boolean);
    const file = name !== undefined && rest.length === 0 ? byName.get(name) : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not served');
      return;
    }
    // Saved pages are mostly UTF-8 without saying so; a few declare another charset themselves.
    res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    home: `http://127.0.0.1:${port}/`,
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Saved pages point at their sites' scripts, fonts and images: abort everything not on 127.0.0.1, dismiss dialogs. */
export async function blockRemoteRequests(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  // An alert() in a saved page would hold its load event forever.
  page.on('dialog', (dialog) => void dialog.dismiss());
  page.on('request', (request) => {
    const url = request.url();
    const local = url.startsWith('data:') || url.startsWith('blob:') || /^https?:\/\/127\.0\.0\.1[:/]/.test(url);
    void (local ? request.continue() : request.abort('blockedbyclient'));
  });
}

/** Highlights compare modulo whitespace and invisible characters (soft hyphens, zero-width). */
export function normaliseText(text: string): string {
  return text.replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff]+/gu, '');
}

export interface HighlightCheck {
  total: number;
  matching: number;
  /** Highlighted text with no span of its kind saying the same, with the unmatched span that overlaps it most. */
  strays: Array<{ kind: string; highlighted: string; span?: string }>;
}

/**
 * Every highlighted range's text against the spans of its kind: each range must equal a span's
 * text, one range per span (a multiset match, so order and unplaced spans do not matter).
 */
export function checkHighlights(spans: Record<string, readonly string[]>, highlighted: Record<string, readonly string[]>): HighlightCheck {
  const result: HighlightCheck = { total: 0, matching: 0, strays: [] };
  for (const [kind, texts] of Object.entries(highlighted)) {
    const left = [...(spans[kind] ?? [])];
    const keys = left.map(normaliseText);
    const strays: string[] = [];
    for (let i = 0; i < texts.length; i += 1) {
      const text = texts[i]!;
      result.total += 1;
      let key = normaliseText(text);
      let at = keys.indexOf(key);
      // A span split around page-only text (a footnote marker) is painted as consecutive ranges.
      for (let j = i + 1; at < 0 && key && j < texts.length && keys.some((k) => k.startsWith(key)); j += 1) {
        key += normaliseText(texts[j]!);
        at = keys.indexOf(key);
        if (at >= 0) {
          result.total += j - i;
          result.matching += j - i;
          i = j;
        }
      }
      if (at < 0) {
        strays.push(text);
        continue;
      }
      keys.splice(at, 1);
      left.splice(at, 1);
      result.matching += 1;
    }
    for (const text of strays) {
      const key = normaliseText(text);
      const span = left.find((_, i) => key.length > 0 && (keys[i]!.includes(key.slice(0, 12)) || key.includes(keys[i]!.slice(0, 12))));
      result.strays.push({ kind, highlighted: text, ...(span !== undefined ? { span } : {}) });
    }
  }
  return result;
}

/**
 * Chromium with the built extension for a whole sweep, shared by several tests: unlike
 * launchWithExtension it is not tied to one test's lifetime, so the caller closes it (afterAll).
 */
export async function launchForSweep(): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'loupe-e2e-sweep-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: [CHROME_BUILD],
    args: [
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
  const close = async () => {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
    const worker = await target.worker();
    if (!worker) throw new Error(`no worker behind the service worker target ${target.url()}`);
    return { browser, worker, extensionId: new URL(target.url()).host, close };
  } catch (error) {
    await close();
    throw error;
  }
}
