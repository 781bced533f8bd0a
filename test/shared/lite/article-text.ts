import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

const BLOCKS = 'h1, h2, h3, p, li, figcaption, blockquote';

/**
 * The readable text of a fixture page: the blocks of its <article> (nav, aside and footer
 * clutter left out), one per paragraph, as the extension's capture would send it. Empty when
 * the page has no article.
 */
export function articleText(name: string): string {
  const html = readFileSync(fileURLToPath(new URL(`../../fixtures/articles/${name}`, import.meta.url)), 'utf8');
  const { document } = parseHTML(html);
  const article = document.querySelector('article');
  if (!article) return '';
  return [...article.querySelectorAll(BLOCKS)]
    .map((block) => (block.textContent ?? '').replace(/\s+/gu, ' ').trim())
    .filter((block) => block !== '')
    .join('\n\n');
}
