import { evaluateExtraction, type ExtractorScores } from '../../../models/training/extraction/evaluate-extraction';
import { pct } from '../format-table';
import type { TaskReport } from '../headline-row';

const cells = (s: ExtractorScores) => [pct(s.shingles.precision), pct(s.shingles.recall), pct(s.shingles.f1), pct(s.tokens.f1)];

/** Article-body extraction F1 of Loupe's extractor vs the whole page's text. */
export async function extractionTables(dataDir: string): Promise<TaskReport> {
  const { loupe, wholePage, pages, noArticle } = evaluateExtraction(dataDir);
  const headline = [
    {
      what: 'article extraction, F1 (Zyte benchmark, our half)',
      dev: pct(loupe.shingles.f1),
      test: '—',
      baseline: `whole page ${pct(wholePage.shingles.f1)}`,
    },
  ];
  const tables = [
    {
      title: `Extraction — Zyte article-extraction benchmark (our half), ${pages} pages (%)`,
      columns: ['extractor', 'precision', 'recall', 'F1', 'token F1', 'goal'],
      rows: [
        ['Loupe extractArticle', ...cells(loupe), '≈ Readability.js'],
        ['whole page body text', ...cells(wholePage), ''],
        ['Readability.js 0.6.0 (published, all 181 pages)', '', '', '94.7', '', ''],
      ],
      notes: [
        "precision/recall/F1 on 4-token shingles, per-page normalised, as the benchmark's evaluate.py; token F1 = bag of single tokens.",
        `extractArticle found no article on ${noArticle} page(s) (scored as empty).`,
      ],
    },
  ];
  return { tables, headline };
}
