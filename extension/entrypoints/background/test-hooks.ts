import type { ImageDescription } from '../../../shared/protocol/results';
import type { DaemonState } from '../../lib/daemon-state';
import type { Pairing } from '../../lib/settings';
import type { SiteSettings } from '../../lib/site-settings';
import type { AccessibleImage, PageMetrics, TabState } from '../../lib/tab-state';
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
  /** The toolbar button as the reader presses it (the side panel opens only with a real gesture); resolves with the tab's state. */
  pressToolbarButton(tabId: number): Promise<TabState>;
  /** Context menu "Caption this image" on the image with this src; shows the in-page card. */
  captionImage(tabId: number, srcUrl: string): Promise<ImageDescription>;
  /** Options → save pairing + "Test connection"; resolves once connected or failed. */
  pair(pairing: Pairing): Promise<DaemonState>;
  daemonState(): DaemonState;
  /** Daemon requests sent and not yet answered (lets a test kill the daemon mid-request). */
  daemonRequestsInFlight(): number;
  /** The text of the tab's last capture, which only its content script keeps (null when none). */
  capturedText(tabId: number): Promise<string | null>;
  /** What the side panel shows for the tab (status 'idle' when never annotated). */
  lastResults(tabId: number): TabState;
  /** Long tasks the page's main thread saw during the last annotation (Chrome only: `supported`). */
  pageMetrics(tabId: number): Promise<PageMetrics>;
  /** Accessibility mode on this tab now (as on page load when the option is on). */
  describeImages(tabId: number): Promise<AccessibleImage[]>;
  /** Options → per-site switches; `change` omitted reads them. `url` is any page of the site. */
  siteSettings(url: string, change?: Partial<SiteSettings>): Promise<SiteSettings>;
  /** Options → "Describe images for screen readers". */
  setAccessibilityMode(on: boolean): Promise<void>;
}

declare global {
  // eslint-disable-next-line no-var
  var loupe: LoupeTestHooks | undefined;
}

export function installTestHooks(hooks: LoupeTestHooks): void {
  globalThis.loupe = Object.freeze({ ...hooks });
}

/** Options → Models: the full tier in the browser (downloads into the model cache, engine backend). */
export interface FullTierTestHooks {
  /** Options → "Model mirror"; resolves with the saved address. */
  setModelMirror(mirror: string): Promise<string>;
  /** Options → Download; `dtype` defaults to the weights this browser would pick. */
  downloadModel(
    id: string,
    dtype?: import('../../../shared/models/catalogue-schema').Dtype,
  ): Promise<import('../../engine/full/model-cache').InstalledModel>;
  installedModels(): Promise<import('../../engine/full/model-cache').InstalledModel[]>;
  /** Options → Delete. */
  deleteModel(id: string): Promise<void>;
  /** The backend the full tier runs on (starts the engine host), and why. */
  fullEngineInfo(): Promise<import('../../engine/engine-host-protocol').EngineDevice>;
}

/** Adds the full-tier hooks beside the others on `globalThis.loupe`. */
export function installFullTierTestHooks(hooks: FullTierTestHooks): void {
  globalThis.loupe = Object.freeze({ ...globalThis.loupe, ...hooks }) as LoupeTestHooks & FullTierTestHooks;
}
