import type { Browser } from 'wxt/browser';
import type { TabState } from '../../lib/tab-state';
import type { TabResults } from './tab-results';

type Tabs = Pick<typeof Browser.tabs, 'onUpdated' | 'onRemoved'>;

const withoutHash = (url: string) => url.split('#')[0];

/**
 * Whether the tab's reported URL means a new document replaced the one `state` describes.
 * While an annotation is starting its URL is not known yet: the browser often reports the URL
 * of the page being annotated just after the user pressed the button, which is no navigation.
 */
export function navigatedAway(state: TabState, url: string | undefined): boolean {
  if (url === undefined || state.status === 'idle') return false;
  // In-page anchors change the URL without replacing the document (or its highlights).
  if (state.url !== undefined) return withoutHash(state.url) !== withoutHash(url);
  return state.status !== 'working';
}

/** A closed tab or a new page makes the old analysis meaningless: stop it and drop its results. */
export function watchTabs(tabs: Tabs, results: Pick<TabResults, 'get' | 'forget'>, cancel: (tabId: number) => void): void {
  tabs.onRemoved.addListener((tabId) => {
    cancel(tabId);
    results.forget(tabId);
  });
  tabs.onUpdated.addListener((tabId, change) => {
    if (!navigatedAway(results.get(tabId), change.url)) return;
    cancel(tabId);
    results.forget(tabId);
  });
}
