import { z } from 'zod';
import { validate } from '../../shared/protocol/validate';
import type { KeyValueArea } from './settings';

/** What the user chose for one site (an origin): Loupe on or off, and whether it runs by itself. */
export const SiteSettingsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Annotate as soon as a page of this site loads, instead of waiting for the button. */
  autoAnnotate: z.boolean().default(false),
});
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

export const DEFAULT_SITE_SETTINGS: SiteSettings = SiteSettingsSchema.parse({});

const PREFIX = 'site:';

/** The site a URL belongs to (`https://example.com`), or undefined for pages Loupe cannot read. */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'file:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

export function siteSettingsKey(site: string): string {
  return PREFIX + site;
}

/** The site whose settings are stored under `key`, or undefined for any other key. */
export function siteOfSettingsKey(key: string): string | undefined {
  return key.startsWith(PREFIX) ? key.slice(PREFIX.length) : undefined;
}

export async function loadSiteSettings(area: KeyValueArea, site: string): Promise<SiteSettings> {
  const key = siteSettingsKey(site);
  const stored = (await area.get(key))[key];
  if (stored === undefined) return DEFAULT_SITE_SETTINGS;
  const parsed = validate(SiteSettingsSchema, stored);
  if (parsed.ok) return parsed.value;
  console.warn(`Loupe: settings stored for ${site} are invalid (${parsed.error}); using defaults.`);
  return DEFAULT_SITE_SETTINGS;
}

/** Merges `change` into the site's settings and stores the result. */
export async function updateSiteSettings(area: KeyValueArea, site: string, change: Partial<SiteSettings>): Promise<SiteSettings> {
  const parsed = validate(SiteSettingsSchema, { ...(await loadSiteSettings(area, site)), ...change });
  if (!parsed.ok) throw new Error(`Site settings not saved: ${parsed.error}`);
  await area.set({ [siteSettingsKey(site)]: parsed.value });
  return parsed.value;
}

/** Every site with its own settings (for the options page), validated, sorted by name. */
export function listSiteSettings(all: Record<string, unknown>): Array<{ site: string; settings: SiteSettings }> {
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .flatMap(([key, value]) => {
      const parsed = SiteSettingsSchema.safeParse(value);
      return parsed.success ? [{ site: key.slice(PREFIX.length), settings: parsed.data }] : [];
    })
    .sort((a, b) => a.site.localeCompare(b.site));
}

/** Why Loupe will not annotate this page, or undefined when it may. */
export function refusalFor(site: string | undefined, settings: SiteSettings): string | undefined {
  if (site && !settings.enabled)
    return `Loupe is off for ${site} — turn it back on in the side panel ("Loupe on this site") or in Options.`;
  return undefined;
}
