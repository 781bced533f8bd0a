import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { extractArticleInNode as extractArticle } from '../extract-article-in-node';
import { LoupeError } from '../../../shared/protocol/errors';
import { blockText, type BlockNode } from '../../../shared/text/block-text';
import { scoresOf, shingleCounts, type ExtractionScores, type PageCounts } from './shingle-scores';

/** article-extraction/ground-truth.json: page id → the human-written article body. */
export const GroundTruthSchema = z.record(z.string(), z.object({ articleBody: z.string(), url: z.string() }));

/** One extractor's figures: the benchmark's 4-token shingles, and the plain bag of tokens. */
export interface ExtractorScores {
  readonly shingles: ExtractionScores;
  readonly tokens: ExtractionScores;
}

export interface ExtractionEvaluation {
  /** Loupe's `extractArticle` (Readability, then its body-text fallback). */
  readonly loupe: ExtractorScores;
  /** No extraction: every text block of the page's <body> (menus, footers and all). */
  readonly wholePage: ExtractorScores;
  readonly pages: number;
  /** Pages where `extractArticle` found nothing readable (scored as an empty body). */
  readonly noArticle: number;
}

function wholePageText(html: string): string {
  const { document } = parseHTML(html);
  return document.body ? blockText(document.body as unknown as BlockNode).text : '';
}

function loupeText(html: string, url: string): { text: string; found: boolean } {
  try {
    return { text: extractArticle(html, url).text, found: true };
  } catch (error) {
    if (error instanceof LoupeError && error.code === 'no-article') return { text: '', found: false };
    throw error;
  }
}

const scoresFor = (truths: string[], predictions: string[]): ExtractorScores => ({
  shingles: scoresOf(truths.map((t, i): PageCounts => shingleCounts(t, predictions[i] ?? '', 4))),
  tokens: scoresOf(truths.map((t, i): PageCounts => shingleCounts(t, predictions[i] ?? '', 1))),
});

/**
 * Article-body precision/recall/F1 of Loupe's extractor against the whole page's text, on
 * `<dataDir>/article-extraction` (html/<id>.html.gz + ground-truth.json), scored as the
 * benchmark's evaluate.py does. Prints nothing.
 */
export function evaluateExtraction(dataDir: string): ExtractionEvaluation {
  const dir = join(dataDir, 'article-extraction');
  const truthPath = join(dir, 'ground-truth.json');
  if (!existsSync(truthPath))
    throw new Error(
      `${truthPath} not found — the extraction evaluation needs the article-extraction benchmark in ../shared/data (see README)`,
    );
  const truth = GroundTruthSchema.parse(JSON.parse(readFileSync(truthPath, 'utf8')));
  const ids = Object.keys(truth).sort();
  const truths: string[] = [];
  const loupe: string[] = [];
  const whole: string[] = [];
  let noArticle = 0;
  for (const id of ids) {
    const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    const extracted = loupeText(html, truth[id]!.url);
    if (!extracted.found) noArticle++;
    truths.push(truth[id]!.articleBody);
    loupe.push(extracted.text);
    whole.push(wholePageText(html));
  }
  return { loupe: scoresFor(truths, loupe), wholePage: scoresFor(truths, whole), pages: ids.length, noArticle };
}
