import { z } from 'zod';
import { BiasCategorySchema, type BiasCategory, type BiasFlag } from '../../shared/protocol/results';
import { validate } from '../../shared/protocol/validate';
import type { KeyValueArea } from './settings';

/** Categories renamed since a dismissal could have been stored: 'intensifier' is now part of 'exaggeration'. */
const RENAMED: Readonly<Record<string, BiasCategory>> = { intensifier: 'exaggeration' };
const StoredCategorySchema = z.preprocess((value) => (typeof value === 'string' ? (RENAMED[value] ?? value) : value), BiasCategorySchema);
const isCategory = (value: unknown): value is BiasCategory => BiasCategorySchema.safeParse(value).success;

/**
 * Flags the user dismissed on one site: single flags by category + quote, or whole categories.
 * A renamed category is read under its new name; one Loupe no longer has is dropped, not the record.
 */
export const DismissalsSchema = z.strictObject({
  flags: z
    .array(z.strictObject({ category: z.unknown(), quote: z.string().min(1).max(500) }))
    .max(2000)
    .default([])
    .transform((flags) =>
      flags.flatMap((f) => {
        const category = StoredCategorySchema.safeParse(f.category);
        return category.success ? [{ category: category.data, quote: f.quote }] : [];
      }),
    ),
  categories: z
    .array(z.unknown())
    .default([])
    .transform((list) =>
      list.map((c) => StoredCategorySchema.safeParse(c)).flatMap((c) => (c.success && isCategory(c.data) ? [c.data] : [])),
    ),
});
export type Dismissals = z.infer<typeof DismissalsSchema>;

export const NO_DISMISSALS: Dismissals = { flags: [], categories: [] };

export function dismissalsKey(site: string): string {
  return `dismissed:${site}`;
}

/** Flags are remembered by their words, not offsets: the same sentence on the next visit stays dismissed. */
function quoteOf(flag: Pick<BiasFlag, 'text'>): string {
  return flag.text.replace(/\s+/gu, ' ').trim().slice(0, 500);
}

export function isDismissed(dismissals: Dismissals, flag: Pick<BiasFlag, 'text' | 'category'>): boolean {
  if (dismissals.categories.includes(flag.category)) return true;
  const quote = quoteOf(flag);
  return dismissals.flags.some((d) => d.category === flag.category && d.quote === quote);
}

export function parseDismissals(raw: unknown): Dismissals {
  if (raw === undefined) return NO_DISMISSALS;
  const parsed = validate(DismissalsSchema, raw);
  return parsed.ok ? parsed.value : NO_DISMISSALS;
}

export async function loadDismissals(area: KeyValueArea, site: string): Promise<Dismissals> {
  const key = dismissalsKey(site);
  return parseDismissals((await area.get(key))[key]);
}

async function store(area: KeyValueArea, site: string, next: Dismissals): Promise<Dismissals> {
  await area.set({ [dismissalsKey(site)]: next });
  return next;
}

export async function dismissFlag(area: KeyValueArea, site: string, flag: Pick<BiasFlag, 'text' | 'category'>): Promise<Dismissals> {
  const current = await loadDismissals(area, site);
  if (isDismissed(current, flag)) return current;
  return store(area, site, { ...current, flags: [...current.flags, { category: flag.category, quote: quoteOf(flag) }] });
}

export async function dismissCategory(area: KeyValueArea, site: string, category: BiasCategory): Promise<Dismissals> {
  const current = await loadDismissals(area, site);
  if (current.categories.includes(category)) return current;
  return store(area, site, { ...current, categories: [...current.categories, category] });
}

/** Brings back everything dismissed on the site. */
export async function clearDismissals(area: KeyValueArea, site: string): Promise<Dismissals> {
  return store(area, site, NO_DISMISSALS);
}
