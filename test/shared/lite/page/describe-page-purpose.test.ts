import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../shared/lite/analyze-text';
import { extractArticle } from '../../../../daemon/capture/extract-article';

/** A fixture page as the daemon captures it: its text and its page hints (title, block roles). */
async function keyPoints(name: string) {
  const input = extractArticle(readFileSync(fileURLToPath(new URL(`../../../fixtures/articles/${name}`, import.meta.url)), 'utf8'));
  const analysis = await analyzeText(input.text, { tasks: ['summary'], engine: 'in-process', ...(input.page ? { page: input.page } : {}) });
  return analysis.summary!;
}

describe('key points of guides, recipes and stories', () => {
  it('say what a recipe is for instead of quoting one of its steps', async () => {
    const summary = await keyPoints('recipe.html');
    expect(summary.generated).toMatch(/^A recipe: The absolute best pear and ginger jam, in \d+ steps\.$/u);
    expect(summary.sentences.some((s) => /^(Add|Stir|Pour|Let|Bring)\b/u.test(s.text))).toBe(false);
  });

  it('say a how-to page is a guide, titled without its site name', async () => {
    const summary = await keyPoints('how-to.html');
    expect(summary.generated).toBe('A how-to guide: How to season a cast-iron skillet.');
  });

  it('say a chapter of a story is a story, titled without its site name', async () => {
    expect((await keyPoints('story-chapter.html')).generated).toBe('A story: The Lantern Keeper - Chapter 3 - quietwriter.');
  });

  it('add nothing to a news story', async () => {
    expect((await keyPoints('news-article.html')).generated).toBeUndefined();
  });
});
