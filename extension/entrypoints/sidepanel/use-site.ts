import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { dismissalsKey, loadDismissals, NO_DISMISSALS, parseDismissals, type Dismissals } from '../../lib/dismissals';
import {
  DEFAULT_SITE_SETTINGS,
  loadSiteSettings,
  siteOf,
  siteSettingsKey,
  SiteSettingsSchema,
  type SiteSettings,
} from '../../lib/site-settings';

/** The active tab's site, with its per-site settings and dismissals kept current from storage. */
export function useSite(tabId: number | undefined, url: string | undefined) {
  const [site, setSite] = useState<string>();
  const [settings, setSettings] = useState<SiteSettings>(DEFAULT_SITE_SETTINGS);
  const [dismissals, setDismissals] = useState<Dismissals>(NO_DISMISSALS);

  useEffect(() => {
    if (tabId === undefined) return;
    void browser.tabs
      .get(tabId)
      .then((tab) => setSite(siteOf(tab.url)))
      .catch(() => setSite(undefined));
  }, [tabId, url]);

  useEffect(() => {
    if (!site) return;
    const local = browser.storage.local;
    void loadSiteSettings(local, site).then(setSettings);
    void loadDismissals(local, site).then(setDismissals);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const s = changes[siteSettingsKey(site)];
      if (s) setSettings(SiteSettingsSchema.safeParse(s.newValue ?? {}).data ?? DEFAULT_SITE_SETTINGS);
      const d = changes[dismissalsKey(site)];
      if (d) setDismissals(parseDismissals(d.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [site]);

  return { site, settings, dismissals };
}
