import type { Provenance } from './results';

type Noted = { provenance: Provenance };

/**
 * `section` with `note` added to its provenance note: joined after any note it has ("; "), so
 * no earlier reason is lost. Without a note (or a section) it is returned as it is.
 */
export function withNote<T extends Noted>(section: T, note: string | undefined): T;
export function withNote<T extends Noted>(section: T | undefined, note: string | undefined): T | undefined;
export function withNote<T extends Noted>(section: T | undefined, note: string | undefined): T | undefined {
  if (!section || !note) return section;
  const joined = [section.provenance.note, note].filter(Boolean).join('; ');
  return { ...section, provenance: { ...section.provenance, note: joined } };
}
