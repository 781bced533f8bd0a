import { describe, expect, it } from 'vitest';
import { classifySentences } from '../../../../shared/lite/page/classify-sentences';
import { detectPageGenre } from '../../../../shared/lite/page/detect-page-genre';
import { segmentSentences } from '../../../../shared/text/segment-sentences';
import { articleText } from '../article-text';
import { DEALS, DOCS, ENCYCLOPEDIC, RECIPE, STORY } from './page-texts';

function genreOf(text: string, types: string[] = [], title?: string, keywords: string[] = []) {
  const sentences = segmentSentences(text);
  return detectPageGenre(text, sentences, classifySentences(text, sentences), { types, ...(title ? { title } : {}), keywords });
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

  it('reads a review from its declared type, its title or the ratings in it, and news titles stay news', () => {
    const news = articleText('news-article.html');
    expect(genreOf(news, ['NewsArticle', 'Review']).genre).toBe('review');
    expect(genreOf(news, [], 'The Harbor Point ferry review – slow, cold and worth it').genre).toBe('review');
    expect(genreOf(news, [], 'Review: the Harbor Point ferry is slow, cold and worth it').genre).toBe('review');
    expect(genreOf(news, ['NewsArticle'], 'The 12 best harbour walks of the year').genre).toBe('review');
    const rated = `${news} Food: 4 out of 5 stars. Service: 3 out of 5 stars. Verdict: go early.`;
    expect(genreOf(rated).genre).toBe('review');
    expect(genreOf(news, ['NewsArticle'], 'Council orders a review of the seawall budget').genre).toBe('article');
    expect(genreOf(news, [], 'Budget review: what changes for Harbor Point | The Lowmere Courier').genre).toBe('article');
    expect(genreOf(news, [], 'The 5 best-performing harbour stocks this year').genre).toBe('article');
    expect(genreOf(`${news} Four out of 5 residents agree; 3/10 of the budget is spent.`).genre).toBe('article');
    expect(genreOf(`${news} The verdict: guilty. Its credit rating: AA. The verdict: appealed.`).genre).toBe('article');
  });

  it('reads a story from the keywords a fiction site gives it or a chapter in its title, and says which', () => {
    const tagged = genreOf(STORY, ['article'], 'The Lantern Keeper', ['Harbor Point', 'Fanfiction', 'lighthouse']);
    expect(tagged).toEqual({ genre: 'fiction', evidence: ['it is tagged “Fanfiction”'] });
    expect(genreOf(STORY, [], 'Saltwind', ['free books online', 'web novel']).genre).toBe('fiction');
    expect(genreOf(STORY, [], 'The Lantern Keeper - Chapter 3 - quietwriter - Original Work').genre).toBe('fiction');
    expect(genreOf(STORY, [], 'Chapter Twelve: The Storm').genre).toBe('fiction');
    expect(genreOf(STORY, ['article'], 'Saltwind', ['Harry Potter fanfiction']).genre).toBe('fiction');
  });

  it('keeps news about books and bankruptcies news: "fiction" alone, a chapter 11 filing or a "Part 2" is no story', () => {
    const news = articleText('news-article.html');
    expect(genreOf(news, ['NewsArticle'], 'Harbor Point author wins the fiction prize', ['Books', 'Fiction', 'Novels']).genre).toBe(
      'article',
    );
    expect(genreOf(news, [], 'Ferry operator files for Chapter 11 protection').genre).toBe('article');
    expect(genreOf(news, [], 'Chapter 11: what it means for the ferry’s creditors').genre).toBe('article');
    expect(genreOf(news, [], 'The seawall, part 2: who pays - The Lowmere Courier').genre).toBe('article');
    expect(genreOf(news, [], 'A new chapter for Harbor Point’s ferry').genre).toBe('article');
    expect(genreOf(news, ['NewsArticle'], 'Fans fight the scraping of their stories', ['fanfiction', 'AI']).genre).toBe('article');
    expect(genreOf(news, [], 'Lowmere writer wins', ['BBC National Short Story Award', 'Books']).genre).toBe('article');
    expect(genreOf(news, [], 'Tour of the Harbor - Prologue - Results').genre).toBe('article');
    expect(genreOf(news, [], 'Chapter 7: What Happens to Your Car? | Harbor Money Guide').genre).toBe('article');
    expect(genreOf(news, ['Article'], 'Saltwind - Chapter 3 - Lowmere Courier').genre).toBe('article');
    expect(genreOf(news, [], 'Chapter 3 - The Harbor - Walkthrough').genre).toBe('article');
    expect(genreOf(ENCYCLOPEDIC, [], 'Chapter 7: What Happens to the River? | Lowmere Press').genre).toBe('article');
  });

  it('does not let a page that calls itself an article hide a deals round-up', () => {
    expect(genreOf(DEALS, ['NewsArticle', 'article']).genre).toBe('product');
  });
});
