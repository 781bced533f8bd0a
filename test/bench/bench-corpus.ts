import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../daemon/capture/extract-article';

/**
 * Written for this bench (not taken from any data set): news-like sentences with people,
 * organisations and places, some neutral and some loaded, so both the tagger and the bias
 * classifier have real work.
 */
const PARAGRAPHS = [
  [
    'Lena Fischer, the finance director of Marlow Transit, told reporters in Glasgow on Monday that the company would buy forty electric buses.',
    'The order, worth about 22 million pounds, was approved by the Strathmore Regional Council after a two-hour debate.',
    'Opposition councillor Rami Haddad slammed the deal as a reckless giveaway to a failing operator.',
    'Supporters say the buses will cut fuel costs and noise on the routes between Paisley and the city centre.',
  ],
  [
    'Scientists at the Kestrel Institute in Oslo published a study on coastal erosion in the journal Marine Systems.',
    'The lead author, Ingrid Solberg, said the shoreline near Bergen had retreated by nearly a metre a year since 2015.',
    'Critics claimed the shocking findings were exaggerated to win more funding, a charge the institute rejected.',
    'The Norwegian Environment Agency will review the data with researchers from Copenhagen before the summer.',
  ],
  [
    'Daniel Okoro opened his bakery on Harrow Lane in 2019 with a loan from Eastgate Credit Union.',
    'He now employs twelve people and supplies bread to three schools run by the Riverbend Education Trust.',
    'Everyone knows the outrageous new rent rules will destroy small businesses like his, one neighbour insisted.',
    'The mayor, Sofia Marques, promised on Thursday to meet shop owners before the rules take effect in April.',
  ],
].map((sentences) => sentences.join(' '));

/** `paragraphs` paragraphs of bench text, cycling through the three written above. */
export function benchText(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length]).join('\n\n');
}

const ARTICLES = ['news-article.html', 'how-to.html', 'long-article.html'];

/** The project's own article fixtures (HTML), read from test/fixtures/articles. */
export function articleFixtures(): Array<{ name: string; html: string }> {
  return ARTICLES.map((name) => ({
    name,
    html: readFileSync(fileURLToPath(new URL(`../fixtures/articles/${name}`, import.meta.url)), 'utf8'),
  }));
}

/** The readable text of the news article fixture, as the extension would send it. */
export function newsArticleText(): string {
  const news = articleFixtures()[0]!;
  return extractArticle(news.html).text;
}
