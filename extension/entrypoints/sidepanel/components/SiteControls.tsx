import { browser } from 'wxt/browser';
import { updateSiteSettings, type SiteSettings } from '../../../lib/site-settings';

/** Quick per-site switches; the full list lives in Options. */
export function SiteControls({ site, settings }: { site: string | undefined; settings: SiteSettings }) {
  if (!site) return null;
  const set = (change: Partial<SiteSettings>) => void updateSiteSettings(browser.storage.local, site, change);
  return (
    <div class="site" data-role="site-controls">
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} /> Loupe on this site
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.autoAnnotate}
          disabled={!settings.enabled}
          onChange={(e) => set({ autoAnnotate: e.currentTarget.checked })}
        />{' '}
        Annotate pages on load
      </label>
    </div>
  );
}
