import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../../shared/protocol/results';
import { DEFAULT_SUMMARY_PARAMS, summarizeExtractive, type SummaryParams } from '../../../shared/lite/summarize-extractive';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { extractArticleInNode as extractArticle } from '../extract-article-in-node';
import { SUMMARY_SENTENCES } from './evaluate-summary';

/**
 * Pages of readability-pages/ that are not news (product pages, a book chapter, a spec-like
 * page, documentation, an encyclopaedia entry, engineering blogs, how-to guides): a summary of
 * these should not simply be their first sentences.
 */
export const NON_NEWS_PAGES = [
  'mozilla-1',
  'google-sre-book-1',
  'ietf-1',
  'mercurial',
  'wikipedia',
  'dropbox-blog',
  'v8-blog',
  'ehow-1',
  'ehow-2',
  'lifehacker-working',
] as const;

/** A page's article text as the daemon would capture it, segmented. */
export interface PreparedPage {
  readonly page: string;
  readonly text: string;
  readonly sentences: readonly Span[];
}

export interface PagePicks {
  readonly page: string;
  /** 1-based positions of the chosen sentences, in document order. */
  readonly picked: readonly number[];
  readonly total: number;
}

export interface NonNewsPicks {
  readonly pages: readonly PagePicks[];
  /** Share of all picks that fall in a page's first 3 sentences (1 would be "always the lead"). */
  readonly leadShare: number;
}

/** Extracts (with Loupe's own `extractArticle`) and segments the non-news pages. */
export function prepareNonNewsPages(dataDir: string, pages: readonly string[] = NON_NEWS_PAGES): PreparedPage[] {
  return pages.map((page) => {
    const path = join(dataDir, 'readability-pages', page, 'source.html');
    if (!existsSync(path)) throw new Error(`${path} not found — the non-news check needs readability-pages in ../shared/data (see README)`);
    const { text } = extractArticle(readFileSync(path, 'utf8'));
    return { page, text, sentences: segmentSentences(text) };
  });
}

/** Where the summary's sentences sit on each page under `params`. */
export function pickPositions(pages: readonly PreparedPage[], params: Partial<SummaryParams> = {}): NonNewsPicks {
  const full = { ...DEFAULT_SUMMARY_PARAMS, ...params };
  const picks = pages.map(({ page, text, sentences }) => {
    const summary = summarizeExtractive(text, sentences, { count: SUMMARY_SENTENCES, params: full });
    const picked = summary.map((s) => sentences.findIndex((t) => t.start === s.start) + 1);
    return { page, picked, total: sentences.length };
  });
  const all = picks.flatMap((p) => p.picked);
  return { pages: picks, leadShare: all.filter((position) => position <= 3).length / Math.max(1, all.length) };
}

/** Pick positions on the non-news pages of `<dataDir>/readability-pages`. Prints nothing. */
export function nonNewsPicks(dataDir: string, params: Partial<SummaryParams> = {}): NonNewsPicks {
  return pickPositions(prepareNonNewsPages(dataDir), params);
}
