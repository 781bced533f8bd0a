import { describe, expect, it } from 'vitest';
import { alignText, locateOffset } from '../../../extension/entrypoints/content/align-text';
import { mappedPieces, quoteNearby } from '../../../extension/entrypoints/content/span-pieces';
import { squeeze } from '../../../extension/lib/anchoring/searchable-text';

/** The live text of each piece article[start, end) maps to, or undefined when it is not on the page whole. */
function livePieces(article: string, live: string, start: number, end: number): string[] | undefined {
  return mappedPieces(article, live, alignText(article, live), start, end)?.map((p) => live.slice(p.start, p.end));
}

function liveSlice(article: string, live: string, start: number, end: number): string | undefined {
  return livePieces(article, live, start, end)?.join('|');
}

function spanOf(article: string, words: string, from = 0): [number, number] {
  const start = article.indexOf(words, from);
  return [start, start + words.length];
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

  it('falls back to matching runs when the page has text inside a block that Readability dropped', () => {
    const article = 'First claim stands here. Second claim is elsewhere.';
    const live = 'First claim stands here. [Advertisement] Second claim is elsewhere.';
    const start = article.indexOf('Second');
    expect(liveSlice(article, live, start, article.length)).toBe('Second claim is elsewhere.');
  });

  it('matches a repeated phrase at its own place, not the first occurrence on the page', () => {
    const article = 'Read more\n\nThe vote passed.\n\nRead more';
    const live = 'Read more The vote passed. Read more';
    const start = article.lastIndexOf('Read more');
    const pieces = mappedPieces(article, live, alignText(article, live), start, start + 9);
    expect(pieces).toEqual([{ start: live.lastIndexOf('Read more'), end: live.length }]);
  });

  it('leaves text that is not on the page unmapped', () => {
    const article = 'Only in the article.';
    expect(liveSlice(article, 'Something else entirely.', 0, article.length)).toBeUndefined();
  });

  it('keeps decimals, initials and domains whole when the page adds markers Readability dropped', () => {
    const article =
      'The main denominations are, by number of adherents, Roman Catholicism (10.1%), Anglicanism (6.8%). ' +
      'Work by F. Kooman is cited. See "The Govt.nz style guide", and the diocese spent $4.5 million.';
    const live =
      'The main denominations are, by number of adherents[citation needed], Roman Catholicism (10.1%), Anglicanism (6.8%). ' +
      'Work by F. Kooman is cited. See "The Govt.nz style guide", and the diocese[who?] spent $4.5 million.';
    for (const words of ['10.1%', '6.8%', 'F. Kooman', 'See "The Govt.nz style guide"', '$4.5 million', 'Roman Catholicism']) {
      expect(livePieces(article, live, ...spanOf(article, words)), words).toEqual([words]);
    }
  });

  it('splits a span around a footnote marker that is only on the page, instead of covering it', () => {
    const article = 'The bridge opened in 1932 and carried trams until 1958, when the line closed.';
    const live = 'The bridge opened in 1932 and carried trams[283] until 1958, when the line closed.';
    expect(livePieces(article, live, ...spanOf(article, 'carried trams until 1958'))).toEqual(['carried trams', 'until 1958']);
  });

  it('never places a span in part: a span with words missing from the page is unmapped', () => {
    const article = 'The council approved the harbour plan by six votes to three on Tuesday evening.';
    const live = 'The council approved the plan by six votes to three on Tuesday evening.';
    expect(liveSlice(article, live, ...spanOf(article, 'approved the harbour plan'))).toBeUndefined();
    expect(liveSlice(article, live, ...spanOf(article, 'six votes to three'))).toBe('six votes to three');
  });
});

describe('quoteNearby', () => {
  it('finds a span the alignment placed only in part at the occurrence nearest its neighbours', () => {
    const article = 'Vote: yes. Vote: yes. Vote: yes.';
    const live = 'Vote: yes. Vote:  yes. Vote: yes.';
    const map = alignText(article, live);
    const start = article.indexOf('Vote', 11);
    map.fill(-1, start, start + 9);
    expect(mappedPieces(article, live, map, start, start + 9)).toBeNull();
    const found = quoteNearby(article, squeeze(live), map, start, start + 9);
    expect(found && live.slice(found.start, found.end)).toBe('Vote:  yes');
    expect(found?.start).toBe(live.indexOf('Vote', 11));
  });

  it('gives nothing when the words are not on the page', () => {
    const article = 'Known words. Missing words.';
    const live = 'Known words. Other text.';
    const map = alignText(article, live);
    const start = article.indexOf('Missing');
    expect(quoteNearby(article, squeeze(live), map, start, start + 13)).toBeNull();
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
