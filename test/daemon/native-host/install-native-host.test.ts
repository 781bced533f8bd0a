import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installNativeHost, uninstallNativeHost, type NativeHostSetup } from '../../../daemon/native-host/install-native-host';
import { CHROME_EXTENSION_ORIGIN, GECKO_ADDON_ID } from '../../../shared/extension-identity';
import { NATIVE_HOST_NAME } from '../../../shared/protocol/native-pairing';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'loupe-native-host-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

function setup(platform: NodeJS.Platform, extra: Partial<NativeHostSetup> = {}): NativeHostSetup {
  return {
    platform: { platform, homedir: home, env: {} },
    configDir: path.join(home, 'config', 'loupe'),
    node: '/opt/node 24/bin/node',
    cli: "/src/lou'pe/daemon/bin/loupe.js",
    env: { LOUPE_CONFIG_DIR: path.join(home, 'config', 'loupe'), LOUPE_PORT: '7400' },
    ...extra,
  };
}

const json = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe('registering the pairing helper', () => {
  it('writes Chrome, Chromium and Firefox manifests for Loupe alone, and a launcher the browser can run', async () => {
    const installed = await installNativeHost(setup('linux'));
    expect(installed.browsers).toEqual(['Google Chrome', 'Chromium', 'Firefox']);
    const chrome = await json(path.join(home, '.config/google-chrome/NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`));
    expect(chrome).toMatchObject({
      name: NATIVE_HOST_NAME,
      type: 'stdio',
      path: installed.launcher,
      allowed_origins: [`${CHROME_EXTENSION_ORIGIN}/`],
    });
    expect(await json(path.join(home, '.config/chromium/NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`))).toEqual(chrome);
    const firefox = await json(path.join(home, '.mozilla/native-messaging-hosts', `${NATIVE_HOST_NAME}.json`));
    expect(firefox).toMatchObject({ path: installed.launcher, allowed_extensions: [GECKO_ADDON_ID] });
    expect(firefox.allowed_origins).toBeUndefined();

    const launcher = await readFile(installed.launcher, 'utf8');
    expect(launcher.startsWith('#!/bin/sh\n')).toBe(true);
    expect(launcher).toContain(`export LOUPE_PORT='7400'`);
    expect(launcher).toContain(`exec '/opt/node 24/bin/node' '/src/lou'\\''pe/daemon/bin/loupe.js' native-host "$@"`);
    expect((await stat(installed.launcher)).mode & 0o777).toBe(0o700);
  });

  it('adds Brave, Edge or Vivaldi only where their profile folder exists, and honours XDG_CONFIG_HOME', async () => {
    const xdg = path.join(home, 'xdg');
    await mkdir(path.join(xdg, 'BraveSoftware', 'Brave-Browser'), { recursive: true });
    const installed = await installNativeHost(
      setup('linux', { platform: { platform: 'linux', homedir: home, env: { XDG_CONFIG_HOME: xdg } } }),
    );
    expect(installed.browsers).toEqual(['Google Chrome', 'Chromium', 'Brave', 'Firefox']);
    expect(existsSync(path.join(xdg, 'BraveSoftware/Brave-Browser/NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`))).toBe(true);
    expect(existsSync(path.join(xdg, 'microsoft-edge'))).toBe(false);
  });

  it('on macOS uses Application Support folders', async () => {
    await installNativeHost(setup('darwin'));
    expect(existsSync(path.join(home, 'Library/Application Support/Google/Chrome/NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`))).toBe(
      true,
    );
    expect(existsSync(path.join(home, 'Library/Application Support/Mozilla/NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`))).toBe(true);
  });

  it('on Windows writes the manifests beside a .cmd launcher and points per-user registry keys at them', async () => {
    const calls: string[][] = [];
    const installed = await installNativeHost(
      setup('win32', {
        node: 'C:\\node\\node.exe',
        cli: 'C:\\loupe\\daemon\\bin\\loupe.js',
        runRegistry: async (args) => {
          calls.push(args);
        },
      }),
    );
    expect(installed.launcher.endsWith('loupe-pairing.cmd')).toBe(true);
    expect(await readFile(installed.launcher, 'utf8')).toContain('"C:\\node\\node.exe" "C:\\loupe\\daemon\\bin\\loupe.js" native-host %*');
    const chrome = calls.find((args) => args[1] === `HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\${NATIVE_HOST_NAME}`)!;
    expect(chrome).toEqual([
      'add',
      chrome[1],
      '/ve',
      '/t',
      'REG_SZ',
      '/d',
      path.join(path.dirname(installed.launcher), 'chromium.json'),
      '/f',
    ]);
    expect(calls.some((args) => args[1] === `HKCU\\Software\\Mozilla\\NativeMessagingHosts\\${NATIVE_HOST_NAME}`)).toBe(true);
    expect(await json(path.join(path.dirname(installed.launcher), 'firefox.json'))).toMatchObject({ allowed_extensions: [GECKO_ADDON_ID] });
  });

  it('removes what it wrote', async () => {
    const installed = await installNativeHost(setup('linux'));
    expect(await uninstallNativeHost(setup('linux'))).toEqual(['Google Chrome', 'Chromium', 'Firefox']);
    expect(existsSync(installed.launcher)).toBe(false);
    expect(existsSync(path.join(home, '.mozilla/native-messaging-hosts', `${NATIVE_HOST_NAME}.json`))).toBe(false);
    expect(await uninstallNativeHost(setup('linux'))).toEqual([]);
  });
});
