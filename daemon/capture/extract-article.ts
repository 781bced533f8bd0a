import { parseHTML } from 'linkedom';
import { extractArticle as extractWith, type Article, type HtmlDocumentLike } from '../../shared/text/extract-article';

export { MIN_ARTICLE_CHARS, MIN_ARTICLE_WORDS, type Article } from '../../shared/text/extract-article';

/** An HTML document parsed with linkedom (the daemon has no DOM of its own). */
export function parseHtmlDocument(html: string): HtmlDocumentLike {
  return parseHTML(html).document as unknown as HtmlDocumentLike;
}

/**
 * Pulls the readable article out of a page (shared/text/extract-article, on linkedom).
 * @throws LoupeError `no-article` when the page has no readable amount of text.
 */
export function extractArticle(html: string, url?: string): Article {
  return extractWith(html, parseHtmlDocument, url);
}
