import { CHROME_EXTENSION_ORIGIN, GECKO_ADDON_ID } from '../../shared/extension-identity';
import { NATIVE_HOST_NAME } from '../../shared/protocol/native-pairing';
import type { HostKind } from './host-locations';

/**
 * The native-messaging manifest for one browser family, naming the launcher the browser runs
 * and the only extension allowed to start it: Loupe's Chrome id, or its Firefox add-on id.
 */
export function hostManifest(kind: HostKind, launcher: string): Record<string, unknown> {
  const common = {
    name: NATIVE_HOST_NAME,
    description: 'Loupe pairing helper: gives the Loupe extension the token of the Loupe daemon on this computer',
    path: launcher,
    type: 'stdio',
  };
  return kind === 'chromium'
    ? { ...common, allowed_origins: [`${CHROME_EXTENSION_ORIGIN}/`] }
    : { ...common, allowed_extensions: [GECKO_ADDON_ID] };
}

const shellQuote = (value: string) => `'${value.replace(/'/gu, `'\\''`)}'`;

/**
 * The script a browser runs: this Node and this checkout's CLI (`loupe native-host`), with the
 * settings the daemon was registered with, since a browser started from the desktop has
 * neither the shell's PATH (nvm) nor its LOUPE_* variables.
 */
export function launcherScript(platform: NodeJS.Platform, node: string, cli: string, env: Record<string, string>): string {
  if (platform === 'win32') {
    const sets = Object.entries(env).map(([key, value]) => `set "${key}=${value}"`);
    return ['@echo off', ...sets, `"${node}" "${cli}" native-host %*`, ''].join('\r\n');
  }
  const exports = Object.entries(env).map(([key, value]) => `export ${key}=${shellQuote(value)}`);
  return [
    '#!/bin/sh',
    "# Started by the browser for Loupe's one-step pairing (`loupe pair --install` wrote it).",
    ...exports,
    `exec ${shellQuote(node)} ${shellQuote(cli)} native-host "$@"`,
    '',
  ].join('\n');
}
