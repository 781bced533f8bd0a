/** The meta tags where a page lists its own keywords and tags. */
export const KEYWORD_META_SELECTOR = 'meta[name="keywords"], meta[name="news_keywords"], meta[property="article:tag"]';

/** At most this many keywords are kept, each at most this long: a tag cloud needs only a few. */
const MAX_KEYWORDS = 64;
const MAX_LENGTH = 100;

/**
 * The keywords a page gives itself, from the `content` of its keyword meta tags (see
 * {@link KEYWORD_META_SELECTOR}): split on commas and semicolons, trimmed, without repeats
 * (case aside), in the page's order.
 */
export function pageKeywords(contents: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const content of contents) {
    for (const part of (content ?? '').split(/[,;]/u)) {
      const keyword = part.replace(/\s+/gu, ' ').trim().slice(0, MAX_LENGTH);
      const key = keyword.toLowerCase();
      if (!keyword || seen.has(key)) continue;
      seen.add(key);
      keywords.push(keyword);
      if (keywords.length >= MAX_KEYWORDS) return keywords;
    }
  }
  return keywords;
}
