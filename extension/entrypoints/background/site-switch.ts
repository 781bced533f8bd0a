import type { Browser } from 'wxt/browser';
import type { KeyValueArea } from '../../lib/settings';
import { loadSiteSettings, siteOf, siteOfSettingsKey } from '../../lib/site-settings';

export const ACTION_TITLE = 'Annotate this page with Loupe';
export const OFF_TITLE = 'Loupe is off for this site — turn it back on in the side panel';

type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export interface SiteSwitchDeps {
  tabs: Pick<typeof Browser.tabs, 'query' | 'onUpdated'>;
  action: Pick<typeof Browser.action, 'setTitle' | 'setBadgeText' | 'setBadgeBackgroundColor'>;
  onStorageChanged: { addListener(listener: (changes: StorageChanges, area: string) => void): void };
  local: KeyValueArea;
  /** The site was switched off while the tab showed it: forget its results, stop its work. */
  onTurnedOff(tabId: number): void;
}

/**
 * Keeps the toolbar button honest per tab: on a site where the user turned Loupe off, its
 * tooltip and badge say so. Switching a site off also tells the caller which open tabs it hit.
 */
export function watchSiteSwitch(deps: SiteSwitchDeps): void {
  const label = async (tabId: number, url: string | undefined): Promise<boolean> => {
    const site = siteOf(url);
    const off = site !== undefined && !(await loadSiteSettings(deps.local, site)).enabled;
    await Promise.all([
      deps.action.setTitle({ tabId, title: off ? OFF_TITLE : ACTION_TITLE }),
      deps.action.setBadgeText({ tabId, text: off ? 'off' : '' }),
      off ? deps.action.setBadgeBackgroundColor({ tabId, color: '#5f6368' }) : undefined,
    ]);
    return off;
  };
  const warn = (error: unknown) => console.warn('Loupe: could not label the toolbar button', error);
  const labelAll = async (site?: string) => {
    for (const tab of await deps.tabs.query({})) {
      if (tab.id === undefined || (site && siteOf(tab.url) !== site)) continue;
      if ((await label(tab.id, tab.url).catch(warn)) && site) deps.onTurnedOff(tab.id);
    }
  };
  deps.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status !== undefined) void label(tabId, tab.url).catch(warn);
  });
  deps.onStorageChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const key of Object.keys(changes)) {
      const site = siteOfSettingsKey(key);
      if (site) void labelAll(site).catch(warn);
    }
  });
  void labelAll().catch(warn);
}
