import { browser } from 'wxt/browser';
import { loadSettings, SETTINGS_KEY } from '../../lib/settings';
import { loadSiteSettings, siteOf, siteSettingsKey } from '../../lib/site-settings';

/**
 * Runs `describe` once the page has loaded when the accessibility mode is on for this site, and
 * again whenever an image loads later (lazy images, galleries, infinite scroll): those are
 * exactly the ones a page-load pass misses.
 */
export function startAccessibilityMode(doc: Document, describe: () => Promise<unknown>): void {
  const site = siteOf(doc.location?.href);
  if (!site) return;
  let running = false;
  let again = false;
  const maybeRun = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const [settings, siteSettings] = await Promise.all([
        loadSettings(browser.storage.local),
        loadSiteSettings(browser.storage.local, site),
      ]);
      if (!settings.accessibilityMode || !siteSettings.enabled) return;
      do {
        again = false;
        await describe();
      } while (again);
    } finally {
      running = false;
    }
  };
  const whenLoaded = () => void maybeRun().catch((error: unknown) => console.warn('Loupe: accessibility mode', error));
  if (doc.readyState === 'complete') whenLoaded();
  else doc.defaultView?.addEventListener('load', whenLoaded, { once: true });
  // `load` does not bubble: listen in the capture phase to hear every image.
  doc.addEventListener(
    'load',
    (event) => {
      if ((event.target as Element | null)?.tagName === 'IMG') whenLoaded();
    },
    true,
  );
  browser.storage.onChanged.addListener((changes, area) => {
    // The mode switched on, or Loupe switched back on for this site.
    if (area === 'local' && (SETTINGS_KEY in changes || siteSettingsKey(site) in changes)) whenLoaded();
  });
}
