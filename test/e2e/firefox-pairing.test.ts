import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startDaemon } from './helpers/daemon-process';
import { freePort } from './helpers/free-port';
import { ensureFirefoxBuild, FIREFOX_EXTENSION_ORIGIN, launchFirefoxWithLoupe, openAddonPage } from './helpers/firefox';
import { ROOT } from './helpers/paths';

describe('one-step pairing in Firefox ESR', () => {
  it('fetches the token through the pairing helper and has its own origin allowed, with nothing pasted', async () => {
    ensureFirefoxBuild();
    const home = await mkdtemp(join(tmpdir(), 'loupe-e2e-ffhome-'));
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
    await promisify(execFile)(process.execPath, [join(ROOT, 'daemon/bin/loupe.js'), 'pair', '--install'], { env, cwd: ROOT });
    const daemon = await startDaemon({ configDir, port });

    const firefox = await launchFirefoxWithLoupe({ env: { ...process.env, HOME: home } });
    onTestFinished(() => firefox.close());
    const options = await openAddonPage(firefox, 'options.html');
    const state = await options.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ res?: { status: string } }> } } })
        .browser;
      for (let tries = 0; tries < 150; tries += 1) {
        const reply = await ext.runtime.sendMessage({ id: tries, type: 'getDaemonState', timestamp: Date.now() });
        if (reply.res?.status === 'connected') return reply.res;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return (await ext.runtime.sendMessage({ id: 999, type: 'getDaemonState', timestamp: Date.now() })).res;
    });
    expect(state?.status).toBe('connected');
    // The daemon logs the origin it let in, quoted.
    await daemon.waitForOutput(new RegExp(`connected: "?${FIREFOX_EXTENSION_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
