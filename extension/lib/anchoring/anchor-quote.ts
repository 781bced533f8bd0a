import { lowerBound } from '../../../shared/lower-bound';
import type { SearchableText } from './searchable-text';
import { squeezed } from './searchable-text';
import type { TextAnchor } from './text-anchor';

/** Where an anchor landed in the live text, and how it was found. */
export interface AnchorMatch {
  start: number;
  end: number;
  /** `position`: still where it was; `context`: found by quote, context picked the occurrence. */
  via: 'position' | 'context';
}

/** More occurrences than this of one quote are not scored (a one-letter quote on a huge page). */
const MAX_CANDIDATES = 2000;

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

function rawRange(live: SearchableText, at: number, length: number): { start: number; end: number } {
  return { start: live.offsets[at]!, end: live.offsets[at + length - 1]! + 1 };
}

/** Index of the first entry of the sorted `offsets` at or after `offset` (binary search). */
export function firstAtOrAfter(offsets: readonly number[], offset: number): number {
  return lowerBound(offsets, (o) => o < offset);
}

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** How many characters of the stored context agree with the text around `at`. */
function contextScore(live: SearchableText, at: number, quote: Quote): number {
  const before = live.chars.slice(Math.max(0, at - quote.prefix.length), at);
  const after = live.chars.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length);
  return commonSuffixLength(quote.prefix, before) + commonPrefixLength(quote.suffix, after);
}

/**
 * The position hint holds when the same words (ignoring whitespace) still sit there with the
 * same context: the same words at the old offset with other neighbours are a different passage.
 */
function atPosition(live: SearchableText, anchor: TextAnchor, quote: Quote): AnchorMatch | null {
  const { start, end } = anchor.position;
  if (end > live.text.length || squeezed(live.text.slice(start, end)) !== quote.exact) return null;
  const at = firstAtOrAfter(live.offsets, start);
  if (at >= live.offsets.length || contextScore(live, at, quote) < quote.prefix.length + quote.suffix.length) return null;
  return { start, end, via: 'position' };
}

/**
 * Finds an anchor's words in the live page text: at its old position when they are still there,
 * otherwise at the occurrence of the exact quote whose surroundings best match the stored
 * prefix and suffix (ties go to the one nearest the old position). Fuzzy matching stops there:
 * a quote whose words are gone returns null, and the caller reports the annotation as orphaned
 * rather than pinning it to similar-looking text.
 */
export function anchorQuote(live: SearchableText, anchor: TextAnchor): AnchorMatch | null {
  const quote = { exact: squeezed(anchor.quote.exact), prefix: squeezed(anchor.quote.prefix), suffix: squeezed(anchor.quote.suffix) };
  const { exact } = quote;
  if (!exact) return null;
  const hinted = atPosition(live, anchor, quote);
  if (hinted) return hinted;
  let best: { at: number; score: number; distance: number } | null = null;
  let candidates = 0;
  for (let at = live.chars.indexOf(exact); at >= 0 && candidates < MAX_CANDIDATES; at = live.chars.indexOf(exact, at + 1)) {
    candidates += 1;
    const score = contextScore(live, at, quote);
    const distance = Math.abs(live.offsets[at]! - anchor.position.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { at, score, distance };
  }
  if (!best) return null;
  return { ...rawRange(live, best.at, exact.length), via: 'context' };
}
