/** At most this many types are kept: a page listing hundreds of products needs only a few. */
const MAX_TYPES = 32;

/**
 * The schema.org types a page declares in its JSON-LD blocks (`@type`, also inside `@graph`
 * and nested items), followed by its `og:type`, without repeats. Malformed JSON is skipped: a
 * page's broken metadata must not stop its analysis.
 */
export function structuredDataTypes(jsonLdBlocks: readonly string[], ogType?: string | null): string[] {
  const types = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (types.size >= MAX_TYPES || depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const type = record['@type'];
    for (const name of Array.isArray(type) ? type : [type]) if (typeof name === 'string' && name.length <= 100) types.add(name);
    for (const [key, child] of Object.entries(record)) if (key !== '@context') visit(child, depth + 1);
  };
  for (const block of jsonLdBlocks) {
    try {
      visit(JSON.parse(block), 0);
    } catch {
      // Not JSON (a template placeholder, a truncated block): nothing to read from it.
    }
  }
  if (ogType?.trim()) types.add(ogType.trim().slice(0, 100));
  return [...types].slice(0, MAX_TYPES);
}
