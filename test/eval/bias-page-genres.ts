import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Article, extractArticle } from '../../daemon/capture/extract-article';
import { analyzeText } from '../../shared/lite/analyze-text';
import type { BiasModel } from '../../shared/lite/lite-models';
import type { PageGenre } from '../../shared/protocol/page-hints';
import type { BiasFlag } from '../../shared/protocol/results';
import { segmentSentences } from '../../shared/text/segment-sentences';
import { alerting, type SentencePipeline } from '../../models/training/bias/eval/sentence-pipelines';

/** Flag share on the saved pages of one genre. */
export interface GenreShare {
  readonly genre: PageGenre;
  readonly pages: number;
  readonly sentences: number;
  /** Sentences with an alerting flag, Loupe as shipped (prose only, withheld by genre). */
  readonly shipped: number;
  /** The same pages through a baseline that judges every sentence (no roles, no genre). */
  readonly baseline: number;
  /** Pages of this genre where the shipped result withheld flags. */
  readonly withheld: number;
}

/** One page's figures, for the per-page listing. */
export interface PageShare {
  readonly name: string;
  readonly genre: PageGenre;
  readonly sentences: number;
  readonly flagged: number;
}

/**
 * Annotates the saved readability pages (`<dataDir>/readability-pages/<name>/source.html`, the
 * daemon's capture) with the shipped lite bias path, and counts the share of sentences flagged
 * per page genre, beside `baseline` run on every sentence of the same text.
 */
export async function evaluatePageGenres(
  dataDir: string,
  model: BiasModel,
  baseline: SentencePipeline,
): Promise<{ genres: GenreShare[]; pages: PageShare[] }> {
  const root = join(dataDir, 'readability-pages');
  const names = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const pages: (PageShare & { baseline: number; withheld: boolean })[] = [];
  for (const name of names) {
    let article: Article;
    try {
      article = extractArticle(readFileSync(join(root, name, 'source.html'), 'utf8'));
    } catch {
      continue; // no readable article: nothing to flag
    }
    const analysis = await analyzeText(article.text, {
      tasks: ['bias'],
      engine: 'in-process',
      models: { bias: model },
      page: article.page,
    });
    const sentences = segmentSentences(article.text);
    const flaggedStarts = (flags: readonly BiasFlag[]) => new Set(alerting(flags).map((f) => f.start));
    const base = await baseline.flag(sentences.map((s) => s.text));
    pages.push({
      name,
      genre: analysis.page?.genre ?? 'other',
      sentences: sentences.length,
      flagged: flaggedStarts(analysis.bias?.flags ?? []).size,
      baseline: base.filter((f) => alerting(f).length > 0).length,
      withheld: analysis.bias?.withheld !== undefined,
    });
  }
  const genres = [...new Set(pages.map((p) => p.genre))].sort().map((genre): GenreShare => {
    const of = pages.filter((p) => p.genre === genre);
    const sum = (pick: (p: (typeof of)[number]) => number) => of.reduce((n, p) => n + pick(p), 0);
    return {
      genre,
      pages: of.length,
      sentences: sum((p) => p.sentences),
      shipped: sum((p) => p.flagged),
      baseline: sum((p) => p.baseline),
      withheld: of.filter((p) => p.withheld).length,
    };
  });
  return { genres, pages: pages.map(({ name, genre, sentences, flagged }) => ({ name, genre, sentences, flagged })) };
}
