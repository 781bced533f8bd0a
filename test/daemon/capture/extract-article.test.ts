import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LoupeError } from '../../../shared/protocol/errors';
import { extractArticle } from '../../../daemon/capture/extract-article';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/daemon/${name}`, import.meta.url), 'utf8');

describe('extractArticle', () => {
  const article = extractArticle(fixture('article.html'), 'https://ledger.example/harbor');

  it('keeps the article paragraphs, separated by blank lines, in order', () => {
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs.some((p) => p.startsWith('The Bayview City Council voted six to three'))).toBe(true);
    expect(paragraphs.at(-1)).toMatch(/^Councillor Aisha Benali, who voted against the plan/);
    expect(article.text.indexOf('Mayor Daniel Reyes')).toBeGreaterThan(article.text.indexOf('ferry terminal'));
    expect(article.text).not.toMatch(/ {2}|\n{3}/);
  });

  it('leaves out navigation, footer and scripts', () => {
    expect(article.text).not.toContain('Sign in');
    expect(article.text).not.toContain('All rights reserved');
    expect(article.text).not.toContain('analytics');
  });

  it('sends what the page says about itself along with the text: declared types and language, block roles', () => {
    const html = `<html lang="en-GB"><head><title>Pear jam</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe","name":"Pear jam"}</script>
      <meta property="og:type" content="article"></head><body><article>
      <h1>Pear jam</h1><p>${'This jam is a family favourite and keeps for a year in a cool cupboard. '.repeat(6)}</p>
      <ul><li>2 pounds ripe pears</li><li>1 cup sugar</li></ul></article></body></html>`;
    const { text, page } = extractArticle(html);
    expect(page.types).toEqual(['Recipe', 'article']);
    expect(page.lang).toBe('en-GB');
    const roles = (page.blocks ?? []).map((b) => [b.role, text.slice(b.start, b.end)]);
    expect(roles).toContainEqual(['list-item', '2 pounds ripe pears']);
    expect(roles).toContainEqual(['list-item', '1 cup sugar']);
  });

  it('sends the keywords and tags the page gives itself, split and without repeats', () => {
    const html = `<html><head><title>The Lantern Keeper</title>
      <meta name="Keywords" content="fanfiction; lighthouse, Original Work">
      <meta property="article:tag" content="Lighthouse"><meta property="article:tag" content="slow burn">
      </head><body><article><p>${'Mira climbed the lighthouse stairs two at a time, the lantern in her hand. '.repeat(6)}</p></article></body></html>`;
    expect(extractArticle(html).page.keywords).toEqual(['fanfiction', 'lighthouse', 'Original Work', 'slow burn']);
  });

  it('marks a caption that only its class names, through Readability', () => {
    const body = 'The council approved the seawall plan on Tuesday after two years of debate over the cost. '.repeat(4);
    const html = `<html><head><title>Seawall</title></head><body><article><h1>Seawall</h1><p>${body}</p>
      <div><img src="pier.png"><br><span class="pb-caption">The mayor reacts as she visits the pier on March 18. (Jane Doe/Courier)</span></div>
      <p>${body}</p></article></body></html>`;
    const { text, page } = extractArticle(html);
    const roles = (page.blocks ?? []).map((b) => [b.role, text.slice(b.start, b.end)]);
    expect(roles).toContainEqual(['caption', 'The mayor reacts as she visits the pier on March 18. (Jane Doe/Courier)']);
  });

  it('reports title, byline and language', () => {
    expect(article.title).toContain('Harbor Point');
    expect(article.byline).toContain('Maria Okafor');
    expect(article.lang).toBe('en');
  });

  it('falls back to the body text of a short but real page', () => {
    const note = extractArticle(fixture('short-note.html'));
    expect(note.text).toBe(
      'The Eastside branch library will close at noon on Friday for staff training.\n\n' +
        'Returns can still be left in the outdoor book drop, and all loans due that day are extended until Monday.',
    );
    expect(note.title).toBe('Library hours');
  });

  it('reads a bare HTML fragment such as a captured <article>', () => {
    const sentence = 'The Eastside library closes at noon on Friday for staff training, and loans are extended.';
    expect(extractArticle(`<article><p>${sentence}</p><p>${sentence}</p></article>`).text).toBe(`${sentence}\n\n${sentence}`);
  });

  it('refuses a page with no readable text, with a no-article error that names a fix', () => {
    let thrown: unknown;
    try {
      extractArticle(fixture('no-article.html'), 'https://app.example/');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LoupeError);
    expect((thrown as LoupeError).code).toBe('no-article');
    expect((thrown as LoupeError).message).toMatch(/https:\/\/app\.example\/.*loupe analyze <file\.txt>/);
  });
});
