import { Readability } from '@mozilla/readability';
import { LoupeError } from '../protocol/errors';
import type { PageHints } from '../protocol/page-hints';
import { blockText, type BlockNode, type BlockTextResult } from './block-text';
import { keywordsOfDocument } from './page-keywords';
import { structuredDataTypes } from './structured-data-types';

/** The article of a page, as `loupe analyze`, training and evaluation read it. */
export interface Article {
  title: string;
  /** Paragraphs separated by "\n\n". */
  text: string;
  byline?: string;
  lang?: string;
  /** What the page says about itself and its block roles, for analysis. */
  page: PageHints;
}

/** The part of a DOM element {@link extractArticle} reads: linkedom's and the browser's fit it. */
export interface ElementLike {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  remove(): void;
}

/** The part of a parsed HTML document {@link extractArticle} reads. */
export interface HtmlDocumentLike {
  readonly title?: string;
  readonly documentElement?: Pick<ElementLike, 'getAttribute'> | null;
  readonly body: unknown;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike> & Iterable<ElementLike>;
}

/** Parses a whole HTML document (`<!doctype html><html>...`); Node passes linkedom's parser. */
export type ParseHtml = (html: string) => HtmlDocumentLike;

/**
 * Below this, a page has no text worth analysing: 80 characters and 12 words is about one real
 * sentence. Readability itself wants 500 characters before it calls something an article, which
 * would turn away short but genuine pages (a note, a short announcement); the fallback takes
 * those, while pages made of a menu, a cookie banner or "Loading..." still get `no-article`.
 */
export const MIN_ARTICLE_CHARS = 80;
export const MIN_ARTICLE_WORDS = 12;

// Page chrome that is never the article, removed before the body-text fallback.
const CHROME_SELECTOR =
  'script, style, noscript, template, nav, header, footer, aside, form, button, [role=navigation], [aria-hidden=true]';

/** `html` as a whole document: a bare fragment ("<article>...") gets a document to live in. */
export function asHtmlDocument(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

const isReadable = (text: string) => text.length >= MIN_ARTICLE_CHARS && text.split(/\s+/).filter(Boolean).length >= MIN_ARTICLE_WORDS;

const NOTHING: BlockTextResult = { text: '', blocks: [] };

function bodyText(document: HtmlDocumentLike): BlockTextResult {
  return document.body ? blockText(document.body as BlockNode) : NOTHING;
}

function bodyFallback(html: string, parse: ParseHtml): BlockTextResult {
  const document = parse(asHtmlDocument(html));
  for (const element of Array.from(document.querySelectorAll(CHROME_SELECTOR))) element.remove();
  return bodyText(document);
}

function firstHeading(html: string, parse: ParseHtml): string {
  return (parse(asHtmlDocument(html)).querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Pulls the readable article out of a page: Readability first, the page's body text (minus
 * navigation and other chrome) when Readability finds nothing.
 * @throws LoupeError `no-article` when neither yields a readable amount of text.
 */
export function extractArticle(html: string, parse: ParseHtml, url?: string): Article {
  const document = parse(asHtmlDocument(html));
  const pageTitle = (document.title ?? '').trim();
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  const types = structuredDataTypes(
    Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (script) => script.textContent ?? ''),
    document.querySelector('meta[property="og:type"]')?.getAttribute('content'),
  );
  const keywords = keywordsOfDocument(document);
  // Readability wants a DOM Document; linkedom's is close enough for it but not typed as one.
  // Classes stay: they mark captions and credits that are not in a <figcaption> (see blockText).
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { keepClasses: true }).parse();
  let body = parsed?.content ? bodyText(parse(asHtmlDocument(parsed.content))) : NOTHING;
  if (!isReadable(body.text)) body = bodyFallback(html, parse);
  const { text, blocks } = body;
  if (!isReadable(text)) {
    const where = url ? ` at ${url}` : '';
    throw new LoupeError(
      'no-article',
      `No readable article text found${where}. Save the page's text to a .txt file and run \`loupe analyze <file.txt>\`, or select text in the page and use "Summarize selection".`,
    );
  }
  const title = (parsed?.title || pageTitle || firstHeading(html, parse)).trim();
  const byline = parsed?.byline?.trim();
  const articleLang = parsed?.lang || lang;
  const page: PageHints = {
    ...(title ? { title: title.slice(0, 2_000) } : {}),
    ...(articleLang ? { lang: articleLang.slice(0, 35) } : {}),
    ...(types.length > 0 ? { types } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    ...(blocks.length > 0 ? { blocks } : {}),
  };
  return { title, text, ...(byline ? { byline } : {}), ...(articleLang ? { lang: articleLang } : {}), page };
}
