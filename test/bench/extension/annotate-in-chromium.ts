import type { ExtensionBrowser } from '../../e2e/helpers/launch-browser';
import { openTab } from '../../e2e/helpers/tabs';
import { allowNamedFunctions, takeMessageBytes, type MessageBytes } from './message-meter';

export interface AnnotationRun {
  /** From the toolbar action (the test hook) to the annotation's final state, all highlighted. */
  totalMs: number;
  /** From the same start to the first highlight painted in the page. */
  firstHighlightMs: number;
  /** Highlight ranges painted, by kind: the same work must be done before and after a change. */
  highlights: { summary: number; entity: number; bias: number };
  bytes: MessageBytes;
}

/**
 * Opens `url` in a new tab, annotates it as the toolbar button does, and times it: the service
 * worker notes the start, the page notes when the first highlight appears (both on the machine's
 * wall clock, `performance.timeOrigin + now()`). The tab stays open.
 */
export async function annotateInChromium(chromium: ExtensionBrowser, url: string): Promise<AnnotationRun> {
  const { page, tabId } = await openTab(chromium, url);
  await allowNamedFunctions(page);
  await page.evaluate(() => {
    const scope = globalThis as unknown as { __firstHighlight?: number };
    scope.__firstHighlight = 0;
    const poll = setInterval(() => {
      if (CSS.highlights.size === 0) return;
      scope.__firstHighlight = performance.timeOrigin + performance.now();
      clearInterval(poll);
    }, 2);
  });
  await takeMessageBytes(chromium.worker);
  const run = await chromium.worker.evaluate(async (id) => {
    const began = performance.timeOrigin + performance.now();
    const state = await globalThis.loupe!.annotateTab(id);
    return { began, ended: performance.timeOrigin + performance.now(), status: state.status, error: state.error?.message };
  }, tabId);
  if (run.status !== 'done') throw new Error(`annotating ${url} ended ${run.status}: ${run.error ?? 'no error message'}`);
  // Writes still settling after the reply (the highlight report) belong to this annotation.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const bytes = await takeMessageBytes(chromium.worker);
  const first = await page.evaluate(() => (globalThis as unknown as { __firstHighlight: number }).__firstHighlight);
  const highlights = await page.evaluate(() => {
    const count = (name: string) => CSS.highlights.get(name)?.size ?? 0;
    return { summary: count('loupe-summary'), entity: count('loupe-entity'), bias: count('loupe-bias') };
  });
  return { totalMs: run.ended - run.began, firstHighlightMs: first > 0 ? first - run.began : Number.NaN, highlights, bytes };
}
