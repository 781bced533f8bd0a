import { browser } from 'wxt/browser';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | undefined;

/**
 * Makes sure Chrome's offscreen engine document exists. A service worker has no DOM and cannot
 * hold a WebGPU device or a large wasm heap for long, so inference lives in that document.
 */
export async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length > 0) return;
  // Concurrent callers share one creation: Chrome allows a single offscreen document.
  creating ??= browser.offscreen
    .createDocument({ url: OFFSCREEN_PATH, reasons: ['WORKERS'], justification: 'Run Loupe models with WebAssembly/WebGPU' })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}
