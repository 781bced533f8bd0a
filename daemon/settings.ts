import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DAEMON_PORT } from '../shared/protocol/handshake';

export const LOOPBACK_HOST = '127.0.0.1';
export const DEVICES = ['auto', 'cpu', 'cuda', 'webgpu'] as const;
export const LOG_LEVELS = ['info', 'debug', 'quiet'] as const;

/** Raised when an environment variable holds a value Loupe cannot use; the message names it. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

export const SettingsSchema = z.strictObject({
  port: z.number().int().min(0).max(65535),
  host: z.literal(LOOPBACK_HOST),
  configDir: z.string().min(1),
  cacheDir: z.string().min(1),
  device: z.enum(DEVICES),
  modelMirror: z.string().url(),
  allowedOrigins: z.array(z.string()),
  log: z.enum(LOG_LEVELS),
});
export type Settings = z.infer<typeof SettingsSchema>;

export interface Platform {
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
}

const EXTENSION_ORIGIN =
  /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** True for the only kinds of origin the daemon ever allows: one browser extension's pages. */
export function isExtensionOrigin(origin: string): boolean {
  return EXTENSION_ORIGIN.test(origin);
}

function defaultConfigDir(env: NodeJS.ProcessEnv, { platform, homedir }: Platform): string {
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support', 'loupe');
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(homedir, 'AppData', 'Roaming'), 'loupe');
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir, '.config'), 'loupe');
}

function defaultCacheDir(env: NodeJS.ProcessEnv, { platform, homedir }: Platform): string {
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Caches', 'loupe');
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(homedir, 'AppData', 'Local'), 'loupe', 'cache');
  return path.join(env.XDG_CACHE_HOME || path.join(homedir, '.cache'), 'loupe');
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new SettingsError(`${name}=${JSON.stringify(value)} is not valid. Use one of: ${allowed.join(', ')}.`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_DAEMON_PORT;
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SettingsError(
      `LOUPE_PORT=${JSON.stringify(value)} is not a port. Use a whole number from 0 to 65535 (default ${DEFAULT_DAEMON_PORT}).`,
    );
  }
  return port;
}

function parseHost(value: string | undefined): typeof LOOPBACK_HOST {
  if (value === undefined || value === '' || value === LOOPBACK_HOST) return LOOPBACK_HOST;
  throw new SettingsError(
    `LOUPE_HOST=${JSON.stringify(value)} is refused: the daemon only listens on ${LOOPBACK_HOST}, so nothing off this machine can reach it. Unset LOUPE_HOST.`,
  );
}

function parseMirror(value: string | undefined): string {
  const mirror = value || 'https://huggingface.co';
  if (!z.string().url().safeParse(mirror).success || !/^https?:\/\//.test(mirror)) {
    throw new SettingsError(`LOUPE_MODEL_MIRROR=${JSON.stringify(value)} is not an http(s) URL. Use e.g. https://huggingface.co.`);
  }
  return mirror.replace(/\/+$/, '');
}

function parseOrigins(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of entries) {
    if (!isExtensionOrigin(origin)) {
      throw new SettingsError(
        `LOUPE_ALLOWED_ORIGINS entry ${JSON.stringify(origin)} is refused: only extension origins are allowed ` +
          '(chrome-extension://<32 letters a-p> or moz-extension://<uuid>), never web origins, "null" or "*".',
      );
    }
  }
  return entries;
}

function dirSetting(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  if (!path.isAbsolute(value)) throw new SettingsError(`${name}=${JSON.stringify(value)} must be an absolute path.`);
  return value;
}

/** Reads every Loupe setting from `LOUPE_*` environment variables, once, failing on bad values. */
export function loadSettings(
  env: NodeJS.ProcessEnv = process.env,
  platform: Platform = { platform: process.platform, homedir: os.homedir() },
): Settings {
  return SettingsSchema.parse({
    port: parsePort(env.LOUPE_PORT),
    host: parseHost(env.LOUPE_HOST),
    configDir: dirSetting('LOUPE_CONFIG_DIR', env.LOUPE_CONFIG_DIR, defaultConfigDir(env, platform)),
    cacheDir: dirSetting('LOUPE_CACHE_DIR', env.LOUPE_CACHE_DIR, defaultCacheDir(env, platform)),
    device: oneOf('LOUPE_DEVICE', env.LOUPE_DEVICE, DEVICES, 'auto'),
    modelMirror: parseMirror(env.LOUPE_MODEL_MIRROR),
    allowedOrigins: parseOrigins(env.LOUPE_ALLOWED_ORIGINS),
    log: oneOf('LOUPE_LOG', env.LOUPE_LOG, LOG_LEVELS, 'info'),
  });
}
