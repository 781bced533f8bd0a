import { z } from 'zod';
import { DEFAULT_DAEMON_PORT } from '../../shared/protocol/handshake';
import { validate } from '../../shared/protocol/validate';

/** Where a task runs: `auto` lets Loupe pick (see engine-choice in ARCHITECTURE.md). */
export const RouteSchema = z.enum(['auto', 'browser', 'daemon']);
export type Route = z.infer<typeof RouteSchema>;

export const PairingSchema = z.strictObject({
  port: z.number().int().min(1).max(65_535),
  token: z.string().trim().min(16, 'the token printed by `loupe token` is longer').max(512),
});
export type Pairing = z.infer<typeof PairingSchema>;

export const RoutingSchema = z.strictObject({
  summary: RouteSchema.default('auto'),
  entities: RouteSchema.default('auto'),
  bias: RouteSchema.default('auto'),
  captions: RouteSchema.default('auto'),
});
export type Routing = z.infer<typeof RoutingSchema>;

export const SettingsSchema = z.strictObject({
  pairing: PairingSchema.nullable().default(null),
  routing: RoutingSchema.default({ summary: 'auto', entities: 'auto', bias: 'auto', captions: 'auto' }),
  /** Describe images whose alt text is missing or useless, for screen readers (off by default). */
  accessibilityMode: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
export { DEFAULT_DAEMON_PORT };

/** The part of `browser.storage.local` settings need; fakeBrowser provides it in tests. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Reads settings; a stored value that no longer validates falls back to defaults, with a warning. */
export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (stored === undefined) return DEFAULT_SETTINGS;
  const parsed = validate(SettingsSchema, stored);
  if (parsed.ok) return parsed.value;
  console.warn(`Loupe: stored settings are invalid (${parsed.error}); using defaults.`);
  return DEFAULT_SETTINGS;
}

/** Validates and writes settings; throws with the zod message when they are invalid. */
export async function saveSettings(area: KeyValueArea, settings: Settings): Promise<Settings> {
  const parsed = validate(SettingsSchema, settings);
  if (!parsed.ok) throw new Error(`Settings not saved: ${parsed.error}`);
  await area.set({ [SETTINGS_KEY]: parsed.value });
  return parsed.value;
}
