import { paragraph } from '../../fixtures/articles/generate-long-article';
import { benchText } from '../bench-corpus';

export interface LongPage {
  readonly html: string;
  /** Words in the article's paragraphs (the page around them adds a few dozen). */
  readonly words: number;
  readonly paragraphs: number;
}

const countWords = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/**
 * A long news page written for the benches, deterministic: the long-article fixture's
 * paragraphs (figures, places, dates) alternating with the bench corpus's news paragraphs
 * (people, organisations, loaded sentences), until the article holds at least `minWords`.
 */
export function longPage(minWords: number): LongPage {
  const news = benchText(3).split('\n\n');
  const blocks: string[] = [];
  let words = 0;
  for (let i = 0; words < minWords; i += 1) {
    const block = i % 2 === 0 ? paragraph(i).trim() : `<p>${news[i % news.length]}</p>`;
    blocks.push(`      ${block}`);
    words += countWords(block.replace(/<[^>]+>/gu, ' '));
  }
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A year on the coast, in full — The Lowmere Courier</title></head>
<body>
  <header><a href="/">The Lowmere Courier</a><nav><a href="/local">Local</a> <a href="/weather">Weather</a></nav></header>
  <main>
    <article>
      <h1>A year on the coast, in full</h1>
${blocks.join('\n')}
    </article>
  </main>
  <footer><p>© 2024 The Lowmere Courier</p></footer>
</body>
</html>
`;
  return { html, words, paragraphs: blocks.length };
}
