import type { ImageDescription } from '../../../shared/protocol/results';
import type { DaemonState } from '../../lib/daemon-state';
import type { Pairing } from '../../lib/settings';
import type { TabState } from '../../lib/tab-state';
import type { AnnotateOptions } from './annotate-tab';

/**
 * Entry points for browser e2e tests. A service worker cannot receive its own
 * runtime.sendMessage, and puppeteer has no way to click the toolbar button or a context menu,
 * so tests call these through `worker.evaluate(() => globalThis.loupe.annotateTab(id))`. Each
 * does exactly what the matching user action does; nothing here bypasses validation.
 */
export interface LoupeTestHooks {
  /** Toolbar button / Alt+Shift+L: capture, analyse and highlight; resolves with the tab's state. */
  annotateTab(tabId: number, options?: AnnotateOptions): Promise<TabState>;
  /** Context menu "Caption this image" on the image with this src; shows the in-page card. */
  captionImage(tabId: number, srcUrl: string): Promise<ImageDescription>;
  /** Options → save pairing + "Test connection"; resolves once connected or failed. */
  pair(pairing: Pairing): Promise<DaemonState>;
  daemonState(): DaemonState;
  /** What the side panel shows for the tab (status 'idle' when never annotated). */
  lastResults(tabId: number): TabState;
}

declare global {
  // eslint-disable-next-line no-var
  var loupe: LoupeTestHooks | undefined;
}

export function installTestHooks(hooks: LoupeTestHooks): void {
  globalThis.loupe = Object.freeze({ ...hooks });
}
