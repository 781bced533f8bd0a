/** The meta tags, by `name` or `property` (any case), where a page lists its own keywords and tags. */
const KEYWORD_META = new Set(['keywords', 'news_keywords', 'article:tag']);

/** A meta element, as the browser's DOM and the daemon's HTML parser both give it. */
interface MetaElement {
  getAttribute(name: string): string | null;
}

/** The keywords a document gives itself (see {@link pageKeywords}): `<meta name="Keywords">` and `article:tag` alike. */
export function keywordsOfDocument(doc: { querySelectorAll(selectors: string): ArrayLike<MetaElement> }): string[] {
  const metas = Array.from(doc.querySelectorAll('meta[name], meta[property]'));
  const isKeywords = (meta: MetaElement) =>
    KEYWORD_META.has((meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').toLowerCase());
  return pageKeywords(metas.filter(isKeywords).map((meta) => meta.getAttribute('content')));
}

/** At most this many keywords are kept, each at most this long: a tag cloud needs only a few. */
const MAX_KEYWORDS = 64;
const MAX_LENGTH = 100;

/**
 * The keywords a page gives itself, from the `content` of its keyword meta tags: split on
 * commas and semicolons, trimmed, without repeats (case aside), in the page's order.
 */
function pageKeywords(contents: readonly (string | null | undefined)[]): string[] {
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
