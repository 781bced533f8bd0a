import { parseHTML } from 'linkedom';
import { extractArticle, type Article, type HtmlDocumentLike } from '../../shared/text/extract-article';

/** Loupe's article extraction (shared/text/extract-article) on linkedom, as `loupe analyze` runs it. */
export function extractArticleInNode(html: string, url?: string): Article {
  return extractArticle(html, (source) => parseHTML(source).document as unknown as HtmlDocumentLike, url);
}
