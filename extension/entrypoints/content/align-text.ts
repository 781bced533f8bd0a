import { squeeze, type SearchableText } from '../../lib/anchoring/searchable-text';
import type { TimeSlicer } from './time-slicer';

/** Blocks shorter than this are only looked for after the previous match, never anywhere. */
const MIN_ANYWHERE = 20;
/** Characters (whitespace squeezed out) that must agree for a piece of a block to be placed. */
const ANCHOR = 12;
/** How much live-only text (footnote markers, "[citation needed]", ads) may sit inside a block. */
const MAX_INSERTION = 400;

interface Piece {
  start: number;
  end: number;
}

function blocksOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /[^\n]+(?:\n(?!\n)[^\n]*)*/gu;
  for (const m of text.matchAll(pattern)) pieces.push({ start: m.index, end: m.index + m[0].length });
  return pieces;
}

/** Where `needle` next occurs in `haystack` at or after `from` but no further than `limit` ahead. */
function findNear(haystack: string, needle: string, from: number, limit: number): number {
  const at = haystack.slice(from, from + limit + needle.length).indexOf(needle);
  return at < 0 ? -1 : from + at;
}

function createAligner(article: string, live: string) {
  const map = new Int32Array(article.length).fill(-1);
  const target = squeeze(live);
  let cursor = 0;
  const record = (source: SearchableText, i: number, j: number) => {
    map[source.offsets[i]!] = target.offsets[j]!;
  };

  const placeWhole = (source: SearchableText): boolean => {
    let at = target.chars.indexOf(source.chars, cursor);
    if (at < 0 && source.chars.length >= MIN_ANYWHERE) at = target.chars.indexOf(source.chars);
    if (at < 0) return false;
    for (let i = 0; i < source.chars.length; i += 1) record(source, i, at + i);
    cursor = Math.max(cursor, at + source.chars.length);
    return true;
  };

  /** The first anchor-long run of the block found in the live text: [article index, live index]. */
  const firstAnchor = (s: string, from: number): [number, number] | null => {
    for (let i = 0; i + ANCHOR <= s.length; i += ANCHOR) {
      const at = target.chars.indexOf(s.slice(i, i + ANCHOR), from);
      if (at >= 0) return [i, at];
    }
    return null;
  };

  /**
   * Walks the block and the live text together, character by character: where they disagree,
   * the live text has an insertion when the block's next characters appear a little further on
   * (a footnote marker), otherwise the block's character is not on the page and stays unmapped.
   */
  const placePiecewise = (source: SearchableText): void => {
    const s = source.chars;
    const t = target.chars;
    const start = firstAnchor(s, cursor) ?? (s.length >= MIN_ANYWHERE ? firstAnchor(s, 0) : null);
    if (!start) return;
    let [i, j] = start;
    for (let back = 1; back <= i && j - back >= cursor && s[i - back] === t[j - back]; back += 1) record(source, i - back, j - back);
    while (i < s.length && j < t.length) {
      if (s[i] === t[j]) {
        record(source, i, j);
        i += 1;
        j += 1;
        continue;
      }
      const needle = s.slice(i, i + ANCHOR);
      const at = findNear(t, needle, j + 1, needle.length >= ANCHOR ? MAX_INSERTION : 4 * needle.length);
      if (at >= 0) j = at;
      else i += 1;
    }
    cursor = Math.max(cursor, j);
  };

  const placeBlock = (block: Piece) => {
    const source = squeeze(article, block.start, block.end);
    if (source.chars.length === 0 || placeWhole(source)) return;
    placePiecewise(source);
  };
  return { map, placeBlock };
}

/**
 * Maps every character of `article` (text extracted by Readability, blocks separated by blank
 * lines) to its offset in `live` (the page's visible text nodes concatenated), or -1. Both are
 * compared with whitespace and invisible characters removed, block by block in document order;
 * a block that does not match whole (Readability dropped something from it, or the page has
 * footnote markers Readability left out) is matched run by run.
 */
export function alignText(article: string, live: string): Int32Array {
  const aligner = createAligner(article, live);
  for (const block of blocksOf(article)) aligner.placeBlock(block);
  return aligner.map;
}

/** The same alignment, yielding to the page between blocks when a slice runs long. */
export async function alignTextSliced(article: string, live: string, slicer: TimeSlicer): Promise<Int32Array> {
  const aligner = createAligner(article, live);
  await slicer.maybeYield();
  for (const block of blocksOf(article)) {
    aligner.placeBlock(block);
    await slicer.maybeYield();
  }
  return aligner.map;
}

/** Position of live offset `offset` among text nodes starting at `starts` (ascending). */
export function locateOffset(starts: readonly number[], offset: number): { index: number; offset: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { index: lo, offset: offset - (starts[lo] ?? 0) };
}
