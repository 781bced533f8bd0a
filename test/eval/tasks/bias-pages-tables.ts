import { createBiasModel } from '../../../shared/lite/bias-classifier/create-bias-model';
import { evaluatePageGenres } from '../bias-page-genres';
import { sentencePipelines } from '../../../models/training/bias/eval/sentence-pipelines';
import { loadBiasClassifier } from '../../../models/training/bias/ort-bias-runner';
import { BIAS_MODEL_DIR } from '../../../models/training/bias/bias-paths';
import { pct } from '../format-table';
import type { TaskReport } from '../headline-row';

/**
 * The share of sentences flagged on the 130 saved readability pages, by the genre Loupe gives
 * each page: as shipped (prose only, withheld on recipes, deals and docs) beside the previous
 * model on every sentence, which is how flags were decided before.
 */
export async function biasPagesTables(dataDir: string): Promise<TaskReport> {
  const { config, runner } = loadBiasClassifier(BIAS_MODEL_DIR);
  const previous = sentencePipelines().find((p) => p.name.includes('previous'))!;
  const { genres, pages } = await evaluatePageGenres(dataDir, createBiasModel(runner, config), previous);
  const share = (n: number, of: number) => pct(of === 0 ? Number.NaN : n / of);
  const busiest = [...pages].sort((a, b) => b.flagged / Math.max(1, b.sentences) - a.flagged / Math.max(1, a.sentences)).slice(0, 5);
  const article = genres.find((g) => g.genre === 'article');
  const headline = article
    ? [
        {
          what: `sentences flagged on ${article.pages} saved article pages (readability test pages)`,
          dev: `${share(article.shipped, article.sentences)} %`,
          test: '—',
          baseline: `lite/bias@1 on every sentence ${share(article.baseline, article.sentences)} %`,
        },
      ]
    : [];
  const tables = [
    {
      title: `Bias — share of sentences flagged on ${pages.length} saved pages, by genre (%)`,
      columns: ['genre', 'pages', 'sentences', 'Loupe lite', 'withheld pages', `${previous.name}, every sentence`],
      rows: genres.map((g) => [
        g.genre,
        String(g.pages),
        String(g.sentences),
        share(g.shipped, g.sentences),
        String(g.withheld),
        share(g.baseline, g.sentences),
      ]),
      notes: [`Most flagged pages: ${busiest.map((p) => `${p.name} ${share(p.flagged, p.sentences)} % (${p.genre})`).join(', ')}.`],
    },
  ];
  return { tables, headline };
}
