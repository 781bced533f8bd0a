import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../../../../extension/lib/anchoring/anchor-quote';
import { squeeze } from '../../../../extension/lib/anchoring/searchable-text';
import { describeAnchor } from '../../../../extension/lib/anchoring/text-anchor';

const PAGE = 'The council met on Tuesday. Critics called the plan a reckless gamble with public money. The mayor disagreed.';

function anchorFor(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  return describeAnchor(text, start, start + quote.length);
}

function landed(live: string, match: { start: number; end: number } | null): string | undefined {
  return match ? live.slice(match.start, match.end) : undefined;
}

describe('anchorQuote', () => {
  it('keeps an annotation where it was when the page did not change', () => {
    const anchor = anchorFor(PAGE, 'reckless gamble');
    const match = anchorQuote(squeeze(PAGE), anchor);
    expect(match).toMatchObject({ start: anchor.position.start, via: 'position' });
  });

  it('follows the words when text is inserted before them', () => {
    const anchor = anchorFor(PAGE, 'reckless gamble');
    const live = `Breaking: live updates below. ${PAGE}`;
    const match = anchorQuote(squeeze(live), anchor);
    expect(match?.via).toBe('context');
    expect(match?.start).toBe(live.indexOf('reckless gamble'));
    expect(landed(live, match)).toBe('reckless gamble');
  });

  it('re-finds the quote after its paragraph is replaced by an identical copy with other whitespace', () => {
    const anchor = anchorFor(PAGE, 'called the plan a reckless gamble');
    const live = PAGE.replace('called the plan a reckless', 'called  the plan\n      a reckless');
    const match = anchorQuote(squeeze(live), anchor);
    expect(landed(live, match)?.replace(/\s+/gu, ' ')).toBe('called the plan a reckless gamble');
  });

  it('uses the surrounding words to pick the right one of two identical quotes', () => {
    const text = 'Supporters said the budget was fair. Opponents said the budget was a disaster for schools.';
    const anchor = anchorFor(text, 'said the budget was', 1);
    // Re-render that shifts both occurrences, so the old position no longer holds.
    const live = `Update. ${text}`;
    const match = anchorQuote(squeeze(live), anchor);
    expect(match?.start).toBe(live.lastIndexOf('said the budget was'));
  });

  it('prefers context over closeness to the old position', () => {
    const text = 'Alpha said yes today. Beta said yes later.';
    const anchor = anchorFor(text, 'said yes', 1);
    // The second sentence moves to the front: the old offset is now nearer the wrong copy.
    const live = 'Beta said yes later. Alpha said yes today.';
    const match = anchorQuote(squeeze(live), anchor);
    expect(match?.start).toBe(live.indexOf('Beta said yes') + 'Beta '.length);
  });

  it('reports the annotation as orphaned (null) when its words are gone', () => {
    const anchor = anchorFor(PAGE, 'reckless gamble');
    const live = PAGE.replace('a reckless gamble', 'an ambitious bet');
    expect(anchorQuote(squeeze(live), anchor)).toBeNull();
  });

  it('does not accept a position whose words changed underneath it', () => {
    const anchor = anchorFor(PAGE, 'Tuesday');
    const live = PAGE.replace('Tuesday', 'Mondays');
    expect(anchorQuote(squeeze(live), anchor)).toBeNull();
  });
});
