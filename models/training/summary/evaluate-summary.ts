import { hashFeature } from '../../../shared/lite/entity-tagger/hash-feature';
import { profilePage } from '../../../shared/lite/page/profile-page';
import { DEFAULT_SUMMARY_PARAMS, summarizeExtractive, type SummaryParams } from '../../../shared/lite/summarize-extractive';
import type { Span } from '../../../shared/protocol/results';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { readBbc } from './read-bbc';
import { readCnndm } from './read-cnndm';
import { meanRouge, rougeScores, type RougeScores } from './rouge';

/** How many sentences are compared: Loupe's top three against Lead-3. */
export const SUMMARY_SENTENCES = 3;

/** An article ready to summarise: its text, sentences, the prose ones Loupe picks from, and its reference. */
export interface PreparedArticle {
  readonly id: string;
  readonly text: string;
  readonly sentences: readonly Span[];
  /** The sentences analyzeText offers the summary: running prose (headings, captions, credits out). */
  readonly candidates: readonly Span[];
  readonly reference: readonly string[];
}

/** A corpus split in two halves by a hash of each article's id: tuned on one, measured on the other. */
export interface SummaryCorpus {
  readonly name: string;
  readonly tune: readonly PreparedArticle[];
  readonly heldOut: readonly PreparedArticle[];
}

function prepare(id: string, text: string, reference: string): PreparedArticle {
  const sentences = segmentSentences(text);
  const { roles } = profilePage(text, sentences);
  const prose = sentences.filter((_, i) => roles[i] === 'prose');
  return {
    id,
    text,
    sentences,
    candidates: prose.length > 0 ? prose : sentences,
    reference: segmentSentences(reference).map((s) => s.text),
  };
}

function halves(name: string, articles: readonly PreparedArticle[]): SummaryCorpus {
  const heldOut = (article: PreparedArticle) => hashFeature(article.id, 0x5eed) % 2 === 1;
  return { name, tune: articles.filter((a) => !heldOut(a)), heldOut: articles.filter(heldOut) };
}

/** CNN/DailyMail (100 test articles) and BBC News (extractive references), each in tuning and held-out halves. */
export function readSummaryCorpora(dataDir: string): SummaryCorpus[] {
  return [
    halves(
      'CNN/DailyMail',
      readCnndm(dataDir).map(({ id, article, reference }) => prepare(id, article, reference)),
    ),
    halves(
      'BBC News',
      readBbc(dataDir).map(({ id, article, reference }) => prepare(id, article, reference)),
    ),
  ];
}

/** ROUGE of Loupe's top three key points of each article under `params`. */
export function loupeScores(articles: readonly PreparedArticle[], params: Partial<SummaryParams>): RougeScores[] {
  return articles.map((article) => {
    const picked = summarizeExtractive(article.text, article.candidates, { count: SUMMARY_SENTENCES, params });
    return rougeScores(
      picked.map((s) => s.text),
      article.reference,
    );
  });
}

/** ROUGE of the first 3 sentences, one score per article. */
export function lead3Scores(articles: readonly PreparedArticle[]): RougeScores[] {
  return articles.map((article) =>
    rougeScores(
      article.sentences.slice(0, SUMMARY_SENTENCES).map((s) => s.text),
      article.reference,
    ),
  );
}

/** Loupe and Lead-3 on both halves of one corpus. */
export interface CorpusEvaluation {
  readonly name: string;
  readonly tune: { readonly loupe: RougeScores; readonly lead3: RougeScores; readonly articles: number };
  readonly heldOut: { readonly loupe: RougeScores; readonly lead3: RougeScores; readonly articles: number };
}

/**
 * ROUGE-1/2/L F1 (no stemming; ROUGE-L summary-level union-LCS; macro-averaged) of Loupe's top
 * three key points and of Lead-3, on the tuning and the held-out half of CNN/DM and of BBC News.
 * Prints nothing.
 */
export function evaluateSummary(dataDir: string, params: Partial<SummaryParams> = {}): CorpusEvaluation[] {
  const full = { ...DEFAULT_SUMMARY_PARAMS, ...params };
  const measure = (articles: readonly PreparedArticle[]) => ({
    loupe: meanRouge(loupeScores(articles, full)),
    lead3: meanRouge(lead3Scores(articles)),
    articles: articles.length,
  });
  return readSummaryCorpora(dataDir).map((corpus) => ({ name: corpus.name, tune: measure(corpus.tune), heldOut: measure(corpus.heldOut) }));
}
