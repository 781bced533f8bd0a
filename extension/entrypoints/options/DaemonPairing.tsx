import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DaemonState } from '../../lib/daemon-state';
import { backgroundMessenger } from '../../lib/messaging/background-protocol';
import { DEFAULT_DAEMON_PORT, loadSettings, parsePairingInput, saveSettings } from '../../lib/settings';
import { ConnectionResult } from './ConnectionResult';

type Result = DaemonState | { error: string } | 'testing' | undefined;

/** Firefox gives each install its own moz-extension:// origin, which the daemon must be told. */
function firefoxOrigin(): string | undefined {
  const base = browser.runtime.getURL('/');
  return base.startsWith('moz-extension://') ? base.replace(/\/$/u, '') : undefined;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Options → Daemon: one-step pairing through the helper, with the pasted token as the fallback. */
export function DaemonPairing() {
  const [token, setToken] = useState('');
  const [port, setPort] = useState(String(DEFAULT_DAEMON_PORT));
  const [result, setResult] = useState<Result>();
  const origin = firefoxOrigin();

  useEffect(() => {
    void loadSettings(browser.storage.local).then((loaded) => {
      setToken(loaded.pairing?.token ?? '');
      setPort(String(loaded.pairing?.port ?? DEFAULT_DAEMON_PORT));
    });
    void backgroundMessenger
      .sendMessage('getDaemonState')
      .then((state) => setResult((shown) => shown ?? state))
      .catch(() => undefined);
  }, []);

  const pairWithHelper = async () => {
    setResult('testing');
    try {
      setResult(await backgroundMessenger.sendMessage('pairWithHelper'));
    } catch (error) {
      setResult({ error: message(error) });
    }
  };

  const saveAndTest = async () => {
    const settings = await loadSettings(browser.storage.local);
    const pairing = token.trim() === '' ? null : parsePairingInput(port, token);
    if (pairing && !pairing.ok) {
      setResult({ error: `Not saved: ${pairing.error}` });
      return;
    }
    setResult('testing');
    await saveSettings(browser.storage.local, { ...settings, pairing: pairing ? pairing.value : null });
    setResult(await backgroundMessenger.sendMessage('testConnection'));
  };

  return (
    <section id="daemon">
      <p class="muted">
        The daemon runs the heavier models on this computer. Start it with <code>npx loupe</code> (or <code>npm start</code> in the Loupe
        folder): that also registers Loupe’s pairing helper, and Loupe pairs itself, with nothing to copy.
      </p>
      <div class="row">
        <button type="button" id="pair-helper" onClick={() => void pairWithHelper()}>
          Pair with the daemon on this computer
        </button>
        <ConnectionResult result={result} />
      </div>
      <details id="paste-token">
        <summary>Or paste the token by hand</summary>
        <p class="muted">
          Print it with <code>npx loupe token</code>; the port is the one the daemon prints when it starts.
        </p>
        <label for="token">Token</label>
        <input id="token" class="token" type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        <label for="port">Port</label>
        <input id="port" inputMode="numeric" value={port} onInput={(e) => setPort(e.currentTarget.value)} />
        <div class="row">
          <button type="button" id="test" onClick={() => void saveAndTest()}>
            Save and test connection
          </button>
        </div>
        {origin && (
          <>
            <p>Firefox gives this install its own origin. The pairing helper allows it by itself; by hand, run once:</p>
            <pre id="pair-command">{`npx loupe pair --origin ${origin}`}</pre>
          </>
        )}
      </details>
    </section>
  );
}
