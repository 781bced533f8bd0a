import type { Browser } from 'wxt/browser';
import { loadSiteSettings, siteOf } from '../../lib/site-settings';
import type { KeyValueArea } from '../../lib/settings';

type Tabs = Pick<typeof Browser.tabs, 'onUpdated'>;

/** Sites set to "annotate on load" are annotated once each page finishes loading. */
export function watchAutoAnnotate(tabs: Tabs, local: KeyValueArea, annotate: (tabId: number) => Promise<unknown>): void {
  tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete') return;
    const site = siteOf(tab.url);
    if (!site) return;
    void loadSiteSettings(local, site)
      .then((settings) => {
        if (settings.enabled && settings.autoAnnotate) return annotate(tabId);
        return undefined;
      })
      .catch((error: unknown) => console.warn('Loupe: auto-annotate failed', error));
  });
}
