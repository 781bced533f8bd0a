import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Route, type Routing, type Settings } from '../../lib/settings';
import { DaemonPairing } from './DaemonPairing';
import { ModelManager } from './ModelManager';
import { ShortcutSettings } from './ShortcutSettings';
import { SiteList } from './SiteList';

const TASK_LABELS: Record<keyof Routing, string> = {
  summary: 'Summary',
  entities: 'Names and figures',
  bias: 'Bias flags',
  captions: 'Image captions',
};
const ROUTES: Route[] = ['auto', 'browser', 'daemon'];

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
  }, []);
  // Read back before writing: the pairing section saves the same settings record.
  const update = async (change: (current: Settings) => Settings) => {
    setSettings(await saveSettings(browser.storage.local, change(await loadSettings(browser.storage.local))));
  };

  return (
    <main>
      <h1>Loupe options</h1>
      <h2>Daemon pairing</h2>
      <DaemonPairing />
      <h2>Where each task runs</h2>
      <p class="muted">
        <strong>auto</strong>: summaries and captions go to the daemon when it has their full model (else to this browser when it has
        downloaded it); names and bias run in the browser, with its full model when downloaded. Anything the daemon cannot do runs in the
        browser, and the result says so. Text in images is read wherever the caption runs: in this browser, or on the daemon.
      </p>
      <table>
        <tbody>
          {(Object.keys(TASK_LABELS) as Array<keyof Routing>).map((task) => (
            <tr key={task}>
              <td>
                <label for={`route-${task}`}>{TASK_LABELS[task]}</label>
              </td>
              <td>
                <select
                  id={`route-${task}`}
                  value={settings.routing[task]}
                  onChange={(e) => void update((s) => ({ ...s, routing: { ...s.routing, [task]: e.currentTarget.value as Route } }))}
                >
                  {ROUTES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Models</h2>
      <ModelManager />
      <h2>Keyboard shortcut</h2>
      <ShortcutSettings />
      <h2>Accessibility</h2>
      <label class="check">
        <input
          id="a11y"
          type="checkbox"
          checked={settings.accessibilityMode}
          onChange={(e) => void update((s) => ({ ...s, accessibilityMode: e.currentTarget.checked }))}
        />{' '}
        Describe images for screen readers
      </label>
      <p class="muted">
        On each page, images with missing or meaningless alt text (“IMG_1234.jpg”, “image”) get a description: the text around them on the
        page, and any text Loupe reads in the picture (in this browser, or on the daemon when it is paired). An image with no alt gets
        Loupe’s text as its alt; one with a meaningless alt keeps it and gains a description. Small icons are left alone.
      </p>
      <h2>Sites</h2>
      <SiteList />
    </main>
  );
}
