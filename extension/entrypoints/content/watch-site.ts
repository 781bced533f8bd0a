import { browser } from 'wxt/browser';
import { dismissalsKey, loadDismissals, parseDismissals, type Dismissals } from '../../lib/dismissals';
import { DEFAULT_SITE_SETTINGS, loadSiteSettings, siteSettingsKey, SiteSettingsSchema } from '../../lib/site-settings';

export interface SiteWatchHandlers {
  onDismissals(dismissals: Dismissals): void;
  /** The user turned Loupe off for this site (side panel or Options) while the page is open. */
  onTurnedOff(): void;
}

/** Follows the page's own site in storage: its dismissed flags, and whether Loupe is on there. */
export function watchSite(site: string, handlers: SiteWatchHandlers): { isOn(): boolean } {
  const local = browser.storage.local;
  let on = true;
  void loadDismissals(local, site)
    .then(handlers.onDismissals)
    .catch(() => undefined);
  void loadSiteSettings(local, site)
    .then((settings) => {
      on = settings.enabled;
    })
    .catch(() => undefined);
  const dismissed = dismissalsKey(site);
  const switched = siteSettingsKey(site);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (dismissed in changes) handlers.onDismissals(parseDismissals(changes[dismissed]!.newValue));
    if (!(switched in changes)) return;
    const next = SiteSettingsSchema.safeParse(changes[switched]!.newValue ?? {}).data ?? DEFAULT_SITE_SETTINGS;
    const wasOn = on;
    on = next.enabled;
    if (wasOn && !on) handlers.onTurnedOff();
  });
  return { isOn: () => on };
}
