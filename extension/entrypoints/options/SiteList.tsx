import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { listSiteSettings, siteSettingsKey, updateSiteSettings, type SiteSettings } from '../../lib/site-settings';

/** Every site with its own switches: turn Loupe off there, annotate on load, or forget the choice. */
export function SiteList() {
  const [sites, setSites] = useState<Array<{ site: string; settings: SiteSettings }>>([]);
  useEffect(() => {
    const read = () => void browser.storage.local.get(null).then((all) => setSites(listSiteSettings(all)));
    read();
    browser.storage.onChanged.addListener(read);
    return () => browser.storage.onChanged.removeListener(read);
  }, []);
  const set = (site: string, change: Partial<SiteSettings>) => void updateSiteSettings(browser.storage.local, site, change);
  if (sites.length === 0) return <p class="muted">No per-site choices yet: use the switches in the side panel on a site.</p>;
  return (
    <table id="sites">
      <thead>
        <tr>
          <th>Site</th>
          <th>Loupe on</th>
          <th>Annotate on load</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {sites.map(({ site, settings }) => (
          <tr key={site}>
            <td>{site}</td>
            <td>
              <input
                type="checkbox"
                aria-label={`Loupe on ${site}`}
                checked={settings.enabled}
                onChange={(e) => set(site, { enabled: e.currentTarget.checked })}
              />
            </td>
            <td>
              <input
                type="checkbox"
                aria-label={`Annotate ${site} on load`}
                checked={settings.autoAnnotate}
                onChange={(e) => set(site, { autoAnnotate: e.currentTarget.checked })}
              />
            </td>
            <td>
              <button type="button" onClick={() => void browser.storage.local.remove(siteSettingsKey(site))}>
                Forget
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
