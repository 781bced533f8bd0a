import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NATIVE_HOST_NAME } from '../../shared/protocol/native-pairing';
import { hostLocations, type HostLocation, type Platform } from './host-locations';
import { hostManifest, launcherScript } from './host-manifest';

export interface NativeHostSetup {
  platform: Platform;
  /** The daemon's config folder: the launcher lives there and hands it to the host. */
  configDir: string;
  /** The Node that runs the host (the one running this command). */
  node: string;
  /** This checkout's `daemon/bin/loupe.js`. */
  cli: string;
  /** LOUPE_* settings the host must see as the daemon does (LOUPE_PORT, LOUPE_CONFIG_DIR). */
  env: Record<string, string>;
  /** Windows only: runs `reg.exe` with these arguments. */
  runRegistry?: (args: string[]) => Promise<void>;
}

export interface InstalledHost {
  launcher: string;
  /** The browsers now able to start the host. */
  browsers: string[];
}

function launcherPath(setup: NativeHostSetup): string {
  return path.join(setup.configDir, 'native-host', setup.platform.platform === 'win32' ? 'loupe-pairing.cmd' : 'loupe-pairing');
}

/** Browsers the host is registered for: the main three always, others where they are installed. */
function targets(setup: NativeHostSetup): HostLocation[] {
  return hostLocations(NATIVE_HOST_NAME, setup.platform).filter(
    (l) => l.always || l.registryKey !== undefined || existsSync(path.dirname(l.dir!)),
  );
}

function registry(setup: NativeHostSetup): (args: string[]) => Promise<void> {
  if (!setup.runRegistry) throw new Error('Registering the pairing helper on Windows needs reg.exe.');
  return setup.runRegistry;
}

/**
 * Registers Loupe's native-messaging host for the user (`loupe pair --install`, and `npm start`
 * every time): writes the launcher, then each browser's manifest (a file in its folder, or on
 * Windows a file plus a registry key pointing at it). Running it again rewrites the same files.
 */
export async function installNativeHost(setup: NativeHostSetup): Promise<InstalledHost> {
  const launcher = launcherPath(setup);
  await mkdir(path.dirname(launcher), { recursive: true, mode: 0o700 });
  await writeFile(launcher, launcherScript(setup.platform.platform, setup.node, setup.cli, setup.env), { mode: 0o700 });
  await chmod(launcher, 0o700);
  const browsers: string[] = [];
  for (const location of targets(setup)) {
    const manifest = JSON.stringify(hostManifest(location.kind, launcher), null, 2) + '\n';
    if (location.registryKey) {
      const file = path.join(path.dirname(launcher), `${location.kind}.json`);
      await writeFile(file, manifest);
      await registry(setup)(['add', location.registryKey, '/ve', '/t', 'REG_SZ', '/d', file, '/f']);
    } else {
      await mkdir(location.dir!, { recursive: true });
      await writeFile(path.join(location.dir!, `${NATIVE_HOST_NAME}.json`), manifest);
    }
    browsers.push(location.browser);
  }
  return { launcher, browsers };
}

/** Removes what {@link installNativeHost} wrote; returns the browsers it was removed from. */
export async function uninstallNativeHost(setup: NativeHostSetup): Promise<string[]> {
  const removed: string[] = [];
  for (const location of hostLocations(NATIVE_HOST_NAME, setup.platform)) {
    if (location.registryKey) {
      await registry(setup)(['delete', location.registryKey, '/f']).then(
        () => removed.push(location.browser),
        () => undefined,
      );
      continue;
    }
    const file = path.join(location.dir!, `${NATIVE_HOST_NAME}.json`);
    if (!existsSync(file)) continue;
    await rm(file);
    removed.push(location.browser);
  }
  await rm(path.dirname(launcherPath(setup)), { recursive: true, force: true });
  return removed;
}
