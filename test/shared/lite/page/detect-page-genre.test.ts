import { describe, expect, it } from 'vitest';
import { classifySentences } from '../../../../shared/lite/page/classify-sentences';
import { detectPageGenre } from '../../../../shared/lite/page/detect-page-genre';
import { segmentSentences } from '../../../../shared/text/segment-sentences';
import { articleText } from '../article-text';
import { DEALS, DOCS, ENCYCLOPEDIC, RECIPE } from './page-texts';

function genreOf(text: string, types: string[] = []) {
  const sentences = segmentSentences(text);
  return detectPageGenre(text, sentences, classifySentences(text, sentences), types);
}

describe('detectPageGenre', () => {
  it('reads a recipe from its quantities and cooking steps, and says so', () => {
    const decision = genreOf(RECIPE);
    expect(decision.genre).toBe('recipe');
    expect(decision.evidence.join(' ')).toMatch(/ingredient quantities/);
  });

  it('reads a deals page from prices beside shopping words', () => {
    expect(genreOf(DEALS).genre).toBe('product');
  });

  it('reads documentation from code and API words', () => {
    expect(genreOf(DOCS).genre).toBe('documentation');
  });

  it('takes news and encyclopedic prose as articles', () => {
    expect(genreOf(articleText('news-article.html')).genre).toBe('article');
    expect(genreOf(ENCYCLOPEDIC).genre).toBe('article');
  });

  it('believes the structured data a page declares about being a recipe or a product', () => {
    expect(genreOf(ENCYCLOPEDIC, ['https://schema.org/Recipe']).genre).toBe('recipe');
    expect(genreOf(ENCYCLOPEDIC, ['WebPage', 'Product']).evidence).toEqual(['the page declares itself a Product']);
  });

  it('does not let a page that calls itself an article hide a deals round-up', () => {
    expect(genreOf(DEALS, ['NewsArticle', 'article']).genre).toBe('product');
  });
});
