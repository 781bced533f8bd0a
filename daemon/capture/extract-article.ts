import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { LoupeError } from '../../shared/protocol/errors';
import type { PageHints } from '../../shared/protocol/page-hints';
import { blockText, type BlockNode, type BlockTextResult } from '../../shared/text/block-text';
import { structuredDataTypes } from '../../shared/text/structured-data-types';

export interface Article {
  title: string;
  /** Paragraphs separated by "\n\n". */
  text: string;
  byline?: string;
  lang?: string;
  /** What the page says about itself and its block roles, for analysis. */
  page: PageHints;
}

/**
 * Below this, a page has no text worth analysing: 80 characters and 12 words is about one real
 * sentence. Readability itself wants 500 characters before it calls something an article, which
 * would turn away short but genuine pages (a note, a short announcement); the fallback takes
 * those, while pages made of a menu, a cookie banner or "Loading..." still get `no-article`.
 */
export const MIN_ARTICLE_CHARS = 80;
export const MIN_ARTICLE_WORDS = 12;

// Page chrome that is never the article, removed before the body-text fallback.
const CHROME_SELECTOR = 'script, style, noscript, template, nav, header, footer, aside, form, button, [role=navigation], [aria-hidden=true]';

// linkedom files a bare fragment ("<article>...") outside <body>; give it a document to live in.
function parsePage(html: string) {
  return parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
}

const isReadable = (text: string) => text.length >= MIN_ARTICLE_CHARS && text.split(/\s+/).filter(Boolean).length >= MIN_ARTICLE_WORDS;

const NOTHING: BlockTextResult = { text: '', blocks: [] };

function bodyFallback(html: string): BlockTextResult {
  const { document } = parsePage(html);
  for (const element of Array.from(document.querySelectorAll(CHROME_SELECTOR))) element.remove();
  return document.body ? blockText(document.body as unknown as BlockNode) : NOTHING;
}

function firstHeading(html: string): string {
  const { document } = parsePage(html);
  return (document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Pulls the readable article out of a page: Readability first, the page's body text (minus
 * navigation and other chrome) when Readability finds nothing.
 * @throws LoupeError `no-article` when neither yields a readable amount of text.
 */
export function extractArticle(html: string, url?: string): Article {
  const { document } = parsePage(html);
  const pageTitle = (document.title ?? '').trim();
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  const types = structuredDataTypes(
    Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (script) => script.textContent ?? ''),
    document.querySelector('meta[property="og:type"]')?.getAttribute('content'),
  );
  // Readability wants a DOM Document; linkedom's is close enough for it but not typed as one.
  const parsed = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  let body = parsed?.content ? blockText(parsePage(parsed.content).document.body as unknown as BlockNode) : NOTHING;
  if (!isReadable(body.text)) body = bodyFallback(html);
  const { text, blocks } = body;
  if (!isReadable(text)) {
    const where = url ? ` at ${url}` : '';
    throw new LoupeError('no-article', `No readable article text found${where}. Save the page's text to a .txt file and run \`loupe analyze <file.txt>\`, or select text in the page and use "Summarize selection".`);
  }
  const title = (parsed?.title || pageTitle || firstHeading(html)).trim();
  const byline = parsed?.byline?.trim();
  const articleLang = parsed?.lang || lang;
  const page: PageHints = {
    ...(title ? { title: title.slice(0, 2_000) } : {}),
    ...(articleLang ? { lang: articleLang.slice(0, 35) } : {}),
    ...(types.length > 0 ? { types } : {}),
    ...(blocks.length > 0 ? { blocks } : {}),
  };
  return { title, text, ...(byline ? { byline } : {}), ...(articleLang ? { lang: articleLang } : {}), page };
}
