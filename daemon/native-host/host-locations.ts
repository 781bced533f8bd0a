import path from 'node:path';

/** A browser family that reads native-messaging manifests: Chromium's (`allowed_origins`) or Firefox's (`allowed_extensions`). */
export type HostKind = 'chromium' | 'firefox';

export interface HostLocation {
  /** The browser, as the user knows it. */
  browser: string;
  kind: HostKind;
  /** Linux and macOS: the per-user folder the browser reads `<name>.json` from. */
  dir?: string;
  /** Windows: the HKCU key whose default value names the manifest file. */
  registryKey?: string;
  /** Installed whether or not the browser is there yet (others only when their folder exists). */
  always: boolean;
}

export interface Platform {
  platform: NodeJS.Platform;
  homedir: string;
  env: NodeJS.ProcessEnv;
}

type Browser = { browser: string; kind: HostKind; always: boolean; linux: string; mac: string; windows: string };

// Per-user locations, from each browser's native-messaging documentation. Chromium-based
// browsers read `NativeMessagingHosts` inside their user-data folder.
const BROWSERS: readonly Browser[] = [
  { browser: 'Google Chrome', kind: 'chromium', always: true, linux: 'google-chrome', mac: 'Google/Chrome', windows: 'Google\\Chrome' },
  { browser: 'Chromium', kind: 'chromium', always: true, linux: 'chromium', mac: 'Chromium', windows: 'Chromium' },
  {
    browser: 'Microsoft Edge',
    kind: 'chromium',
    always: false,
    linux: 'microsoft-edge',
    mac: 'Microsoft Edge',
    windows: 'Microsoft\\Edge',
  },
  {
    browser: 'Brave',
    kind: 'chromium',
    always: false,
    linux: 'BraveSoftware/Brave-Browser',
    mac: 'BraveSoftware/Brave-Browser',
    windows: 'BraveSoftware\\Brave-Browser',
  },
  { browser: 'Vivaldi', kind: 'chromium', always: false, linux: 'vivaldi', mac: 'Vivaldi', windows: 'Vivaldi' },
  { browser: 'Firefox', kind: 'firefox', always: true, linux: '', mac: 'Mozilla', windows: 'Mozilla' },
];

function unixDir(b: Browser, { platform, homedir, env }: Platform): string {
  if (platform === 'darwin') {
    return path.join(homedir, 'Library', 'Application Support', ...b.mac.split('/'), 'NativeMessagingHosts');
  }
  if (b.kind === 'firefox') return path.join(homedir, '.mozilla', 'native-messaging-hosts');
  // Chromium-based browsers keep their profile under $XDG_CONFIG_HOME (default ~/.config).
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir, '.config'), ...b.linux.split('/'), 'NativeMessagingHosts');
}

/** Where each browser looks for a per-user native-messaging host named `name`. */
export function hostLocations(name: string, platform: Platform): HostLocation[] {
  return BROWSERS.map((b) =>
    platform.platform === 'win32'
      ? { browser: b.browser, kind: b.kind, always: b.always, registryKey: `HKCU\\Software\\${b.windows}\\NativeMessagingHosts\\${name}` }
      : { browser: b.browser, kind: b.kind, always: b.always, dir: unixDir(b, platform) },
  );
}
