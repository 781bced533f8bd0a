import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { WebWorker } from 'puppeteer-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { DaemonState } from '../../extension/lib/daemon-state';
import { startDaemon } from './helpers/daemon-process';
import { freePort } from './helpers/free-port';
import { launchWithExtension } from './helpers/launch-browser';
import { ROOT } from './helpers/paths';

/** Waits (in the service worker) until the daemon connection settles on `status`. */
function daemonStatus(worker: WebWorker, status: DaemonState['status']): Promise<DaemonState> {
  return worker.evaluate(async (status) => {
    for (;;) {
      const state = globalThis.loupe!.daemonState();
      if (state.status === status) return state;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, status);
}

describe('pairing the extension with the daemon', () => {
  it('is one step with the pairing helper registered: the extension fetches the token itself', async () => {
    // A fresh user: their home, their config folder, a browser profile under ~/.config/chromium.
    const home = await mkdtemp(join(tmpdir(), 'loupe-e2e-home-'));
    onTestFinished(() => rm(home, { recursive: true, force: true }));
    const configDir = join(home, 'loupe');
    const port = await freePort();
    const env = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      LOUPE_CONFIG_DIR: configDir,
      LOUPE_PORT: String(port),
    };
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'daemon/bin/loupe.js'), 'pair', '--install'], {
      env,
      cwd: ROOT,
    });
    expect(stdout).toContain('Chromium');
    const daemon = await startDaemon({ configDir, port });

    const chromium = await launchWithExtension({ userDataDir: join(home, '.config', 'chromium') });
    const state = await daemonStatus(chromium.worker, 'connected');
    expect(state).toMatchObject({ status: 'connected', port });
    const stored = await chromium.worker.evaluate(
      async () =>
        (
          await (
            globalThis as unknown as {
              chrome: { storage: { local: { get(k: string): Promise<Record<string, { pairing?: { token: string } }>> } } };
            }
          ).chrome.storage.local.get('settings')
        ).settings?.pairing?.token,
    );
    expect(stored).toBe(daemon.token);
  });

  it('without the helper, says how to get it, and the pasted token still pairs from Options', async () => {
    const daemon = await startDaemon();
    const chromium = await launchWithExtension();
    const unpaired = await daemonStatus(chromium.worker, 'not-paired');
    expect(unpaired.status).toBe('not-paired');

    const options = await chromium.browser.newPage();
    await options.goto(`chrome-extension://${chromium.extensionId}/options.html`, { waitUntil: 'load' });
    await options.waitForSelector('#pair-helper');
    await options.click('#pair-helper');
    await options.waitForFunction(
      () => /pairing helper is not registered.*npm start/.test(document.querySelector('#connection')?.textContent ?? ''),
      { timeout: 15_000, polling: 100 },
    );

    await options.click('#paste-token summary');
    await options.type('#token', daemon.token);
    await options.$eval('#port', (input) => {
      (input as HTMLInputElement).value = '';
    });
    await options.type('#port', String(daemon.port));
    await options.click('#test');
    await options.waitForFunction(() => /^Connected to loupe/.test(document.querySelector('#connection')?.textContent ?? ''), {
      timeout: 30_000,
      polling: 100,
    });
    expect((await daemonStatus(chromium.worker, 'connected')).status).toBe('connected');
  });
});
