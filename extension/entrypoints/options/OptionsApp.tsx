import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DaemonState } from '../../lib/daemon-state';
import { backgroundMessenger } from '../../lib/messaging/background-protocol';
import {
  DEFAULT_DAEMON_PORT, DEFAULT_SETTINGS, loadSettings, PairingSchema, saveSettings, type Route, type Routing, type Settings,
} from '../../lib/settings';
import { validate } from '../../../shared/protocol/validate';
import { ConnectionResult } from './ConnectionResult';
import { ModelManager } from './ModelManager';
import { SiteList } from './SiteList';

const TASK_LABELS: Record<keyof Routing, string> = {
  summary: 'Summary', entities: 'Names and figures', bias: 'Bias flags', captions: 'Image captions',
};
const ROUTES: Route[] = ['auto', 'browser', 'daemon'];

/** Firefox gives each install its own moz-extension:// origin, which the daemon must be told. */
function firefoxOrigin(): string | undefined {
  const base = browser.runtime.getURL('/');
  return base.startsWith('moz-extension://') ? base.replace(/\/$/u, '') : undefined;
}

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [token, setToken] = useState('');
  const [port, setPort] = useState(String(DEFAULT_DAEMON_PORT));
  const [result, setResult] = useState<DaemonState | { error: string } | 'testing'>();
  const origin = firefoxOrigin();

  useEffect(() => {
    void loadSettings(browser.storage.local).then((loaded) => {
      setSettings(loaded);
      setToken(loaded.pairing?.token ?? '');
      setPort(String(loaded.pairing?.port ?? DEFAULT_DAEMON_PORT));
    });
  }, []);

  const setRoute = async (task: keyof Routing, route: Route) => {
    setSettings(await saveSettings(browser.storage.local, { ...settings, routing: { ...settings.routing, [task]: route } }));
  };

  const saveAndTest = async () => {
    const pairing = token.trim() === '' ? null : validate(PairingSchema, { port: Number(port), token: token.trim() });
    if (pairing && !pairing.ok) { setResult({ error: `Not saved: ${pairing.error}` }); return; }
    setResult('testing');
    setSettings(await saveSettings(browser.storage.local, { ...settings, pairing: pairing ? pairing.value : null }));
    setResult(await backgroundMessenger.sendMessage('testConnection'));
  };

  return (
    <main>
      <h1>Loupe options</h1>
      <h2>Daemon pairing</h2>
      <p class="muted">The daemon runs the heavier models on this machine. Start it with <code>loupe</code>, then paste the token printed by <code>loupe token</code>.</p>
      <label for="token">Token</label>
      <input id="token" class="token" type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
      <label for="port">Port</label>
      <input id="port" type="number" min={1} max={65535} value={port} onInput={(e) => setPort(e.currentTarget.value)} />
      <div class="row">
        <button id="test" onClick={() => void saveAndTest()}>Save and test connection</button>
        <ConnectionResult result={result} />
      </div>
      {origin && (
        <>
          <p>Firefox gives this install its own origin. Allow it once on the daemon's machine:</p>
          <pre id="pair-command">{`loupe pair --origin ${origin}`}</pre>
        </>
      )}
      <h2>Where each task runs</h2>
      <p class="muted"><strong>auto</strong>: summaries and captions go to the daemon when it has their full model (else to this browser when it has downloaded it); names and bias run in the browser, with its full model when downloaded. Anything the daemon cannot do runs in the browser, and the result says so.</p>
      <table>
        <tbody>
          {(Object.keys(TASK_LABELS) as Array<keyof Routing>).map((task) => (
            <tr key={task}>
              <td><label for={`route-${task}`}>{TASK_LABELS[task]}</label></td>
              <td>
                <select id={`route-${task}`} value={settings.routing[task]} onChange={(e) => void setRoute(task, e.currentTarget.value as Route)}>
                  {ROUTES.map((r) => <option key={r} value={r}>{r}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Models</h2>
      <ModelManager />
      <h2>Accessibility</h2>
      <label class="check">
        <input id="a11y" type="checkbox" checked={settings.accessibilityMode}
          onChange={async (e) => setSettings(await saveSettings(browser.storage.local, { ...settings, accessibilityMode: e.currentTarget.checked }))} />
        {' '}Describe images for screen readers
      </label>
      <p class="muted">On each page, images with missing or meaningless alt text (“IMG_1234.jpg”, “image”) get a description from the page around them, and any text the daemon reads in them. An image with no alt gets Loupe’s text as its alt; one with a meaningless alt keeps it and gains a description. Small icons are left alone.</p>
      <h2>Sites</h2>
      <SiteList />
    </main>
  );
}
