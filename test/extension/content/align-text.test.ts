import { describe, expect, it } from 'vitest';
import { alignText, locateOffset, mappedBounds } from '../../../extension/entrypoints/content/align-text';

function liveSlice(article: string, live: string, start: number, end: number): string | undefined {
  const bounds = mappedBounds(alignText(article, live), start, end);
  return bounds && live.slice(bounds.first, bounds.last + 1);
}

describe('alignText', () => {
  it('finds article words in live text with different whitespace and block joins', () => {
    const article = 'Harbor Point vote\n\nThe council approved the plan.';
    const live = '\n   Harbor\u00a0Point   vote\n<nav>Home</nav>The council\n  approved the plan.';
    const start = article.indexOf('approved');
    expect(liveSlice(article, live, start, start + 'approved the plan'.length)).toBe('approved the plan');
    expect(liveSlice(article, live, 0, 'Harbor Point'.length)).toBe('Harbor\u00a0Point');
  });

  it('ignores soft hyphens and zero-width spaces the page hides in words', () => {
    const article = 'An extraordinary result.';
    const live = 'An extra\u00adordi\u200bnary result.';
    expect(liveSlice(article, live, 3, 16)).toBe('extra\u00adordi\u200bnary');
  });

  it('falls back to sentences when Readability dropped something inside a block', () => {
    const article = 'First claim stands here. Second claim is elsewhere.';
    const live = 'First claim stands here. [Advertisement] Second claim is elsewhere.';
    const start = article.indexOf('Second');
    expect(liveSlice(article, live, start, article.length)).toBe('Second claim is elsewhere.');
  });

  it('matches a repeated phrase at its own place, not the first occurrence on the page', () => {
    const article = 'Read more\n\nThe vote passed.\n\nRead more';
    const live = 'Read more The vote passed. Read more';
    const start = article.lastIndexOf('Read more');
    const bounds = mappedBounds(alignText(article, live), start, start + 9);
    expect(bounds?.first).toBe(live.lastIndexOf('Read more'));
  });

  it('leaves text that is not on the page unmapped', () => {
    const article = 'Only in the article.';
    expect(mappedBounds(alignText(article, 'Something else entirely.'), 0, article.length)).toBeUndefined();
  });
});

describe('locateOffset', () => {
  it('finds the text node holding a live offset', () => {
    const starts = [0, 6, 9];
    expect(locateOffset(starts, 0)).toEqual({ index: 0, offset: 0 });
    expect(locateOffset(starts, 7)).toEqual({ index: 1, offset: 1 });
    expect(locateOffset(starts, 12)).toEqual({ index: 2, offset: 3 });
  });
});
