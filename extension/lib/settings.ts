import { z } from 'zod';
import { DEFAULT_DAEMON_PORT } from '../../shared/protocol/handshake';
import { validate } from '../../shared/protocol/validate';

/** Where a task runs: `auto` lets Loupe pick (see engine-choice in ARCHITECTURE.md). */
export const RouteSchema = z.enum(['auto', 'browser', 'daemon']);
export type Route = z.infer<typeof RouteSchema>;

export const PORT_RANGE_MESSAGE = `The port is a whole number from 1 to 65535: the one the daemon prints when it starts (${DEFAULT_DAEMON_PORT} unless LOUPE_PORT says otherwise).`;

export const PairingSchema = z.strictObject({
  port: z.number(PORT_RANGE_MESSAGE).int(PORT_RANGE_MESSAGE).min(1, PORT_RANGE_MESSAGE).max(65_535, PORT_RANGE_MESSAGE),
  token: z.string().trim().min(16, 'the token printed by `npx loupe token` is longer').max(512),
});
export type Pairing = z.infer<typeof PairingSchema>;

/**
 * What the reader typed in Options, checked field by field with a plain sentence for each
 * mistake (never zod's wording): a port in range and a token long enough to be one.
 */
export function parsePairingInput(port: string, token: string): { ok: true; value: Pairing } | { ok: false; error: string } {
  const number = /^\s*\d+\s*$/u.test(port) ? Number(port) : NaN;
  if (!Number.isInteger(number) || number < 1 || number > 65_535) return { ok: false, error: PORT_RANGE_MESSAGE };
  const parsed = PairingSchema.safeParse({ port: number, token });
  if (!parsed.success)
    return { ok: false, error: `The token is not one printed by \`npx loupe token\` (it is 43 letters, digits, - and _): paste it again.` };
  return { ok: true, value: parsed.data };
}

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
