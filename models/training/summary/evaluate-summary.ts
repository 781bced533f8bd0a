import type { Span } from '../../../shared/protocol/results';
import { DEFAULT_SUMMARY_PARAMS, summarizeExtractive, type SummaryParams } from '../../../shared/lite/summarize-extractive';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { readCnndm } from './read-cnndm';
import { meanRouge, rougeScores, type RougeScores } from './rouge';

/** How many sentences both Loupe and Lead-3 keep. */
export const SUMMARY_SENTENCES = 3;

/** An article ready to summarise: its text, its sentences and its reference highlights. */
export interface PreparedArticle {
  readonly id: string;
  readonly text: string;
  readonly sentences: readonly Span[];
  readonly reference: readonly string[];
}

export interface SummaryEvaluation {
  /** `summarizeExtractive` with the given params, 3 sentences per article. */
  readonly loupe: RougeScores;
  /** The first 3 sentences of the same segmentation. */
  readonly lead3: RougeScores;
  readonly articles: number;
  readonly params: SummaryParams;
}

/** Detokenised CNN/DM articles, segmented by Loupe's own segmenter (references too). */
export function prepareArticles(dataDir: string): PreparedArticle[] {
  return readCnndm(dataDir).map(({ id, article, reference }) => ({
    id,
    text: article,
    sentences: segmentSentences(article),
    reference: segmentSentences(reference).map((s) => s.text),
  }));
}

/** ROUGE of Loupe's 3-sentence summaries of `articles` under `params`, one score per article. */
export function loupeScores(articles: readonly PreparedArticle[], params: Partial<SummaryParams>): RougeScores[] {
  return articles.map((article) => {
    const picked = summarizeExtractive(article.text, article.sentences, { count: SUMMARY_SENTENCES, params });
    return rougeScores(picked.map((s) => s.text), article.reference);
  });
}

/** ROUGE of the first 3 sentences, one score per article. */
export function lead3Scores(articles: readonly PreparedArticle[]): RougeScores[] {
  return articles.map((article) => rougeScores(article.sentences.slice(0, SUMMARY_SENTENCES).map((s) => s.text), article.reference));
}

/**
 * ROUGE-1/2/L F1 (no stemming; ROUGE-L summary-level union-LCS; macro-averaged over articles)
 * of Loupe's extractive summary and of Lead-3 on `<dataDir>/cnndm/dev.jsonl`. Prints nothing.
 */
export function evaluateSummary(dataDir: string, params: Partial<SummaryParams> = {}): SummaryEvaluation {
  const articles = prepareArticles(dataDir);
  const full = { ...DEFAULT_SUMMARY_PARAMS, ...params };
  return {
    loupe: meanRouge(loupeScores(articles, full)),
    lead3: meanRouge(lead3Scores(articles)),
    articles: articles.length,
    params: full,
  };
}
