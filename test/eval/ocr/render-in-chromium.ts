import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { OcrEvalCase } from './ocr-eval-set';

export interface TextRenderer {
  /** A PNG screenshot of `c.phrase` drawn by Chromium in the case's font, size and colours. */
  render(c: OcrEvalCase): Promise<Uint8Array>;
  close(): Promise<void>;
}

const ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Debian's Chromium headless with a fresh profile, for screenshots of text. */
export async function launchTextRenderer(executablePath = '/usr/bin/chromium'): Promise<TextRenderer> {
  const profile = await mkdtemp(join(tmpdir(), 'loupe-ocr-eval-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, args: [...ARGS, `--user-data-dir=${profile}`] });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(`Chromium did not start from ${executablePath} — install it (apt-get install -y chromium) or pass its path.`, {
      cause: error,
    });
  }
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 400, deviceScaleFactor: 1 });
  await page.setContent(
    '<!doctype html><body style="margin:0"><div id="t" style="display:inline-block;padding:14px 18px;white-space:pre"></div></body>',
  );
  return {
    async render({ phrase, font, size, scheme }) {
      const handle = await page.$('#t');
      if (!handle) throw new Error('The render page lost its text element.');
      await handle.evaluate(
        (el, s) => {
          const div = el as HTMLElement;
          div.textContent = s.phrase;
          Object.assign(div.style, { fontFamily: s.font, fontSize: `${s.size}px`, color: s.color, background: s.background });
          document.body.style.background = s.background;
        },
        { phrase, font: font.css, size, color: scheme.color, background: scheme.background },
      );
      const png = await handle.screenshot({ type: 'png' });
      await handle.dispose();
      return new Uint8Array(png);
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
