import { squeeze } from '../../lib/anchoring/searchable-text';
import type { TimeSlicer } from './time-slicer';

/** Pieces shorter than this are only looked for after the previous match, never anywhere. */
const MIN_ANYWHERE = 20;

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

function sentencesOf(text: string, piece: Piece): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /[^.!?]+(?:[.!?]+["'’”)\]]*)?/gu;
  for (const m of text.slice(piece.start, piece.end).matchAll(pattern)) {
    pieces.push({ start: piece.start + m.index, end: piece.start + m.index + m[0].length });
  }
  return pieces;
}

function createAligner(article: string, live: string) {
  const map = new Int32Array(article.length).fill(-1);
  const target = squeeze(live);
  let cursor = 0;

  const place = (piece: Piece): boolean => {
    const source = squeeze(article, piece.start, piece.end);
    if (source.chars.length === 0) return true;
    let at = target.chars.indexOf(source.chars, cursor);
    if (at < 0 && source.chars.length >= MIN_ANYWHERE) at = target.chars.indexOf(source.chars);
    if (at < 0) return false;
    source.offsets.forEach((articleOffset, i) => { map[articleOffset] = target.offsets[at + i]!; });
    cursor = Math.max(cursor, at + source.chars.length);
    return true;
  };
  const placeBlock = (block: Piece) => {
    if (!place(block)) sentencesOf(article, block).forEach(place);
  };
  return { map, placeBlock };
}

/**
 * Maps every character of `article` (text extracted by Readability, blocks separated by blank
 * lines) to its offset in `live` (the page's visible text nodes concatenated), or -1. Both are
 * compared with whitespace and invisible characters removed, block by block in document order;
 * a block that does not match whole (Readability dropped or reordered something inside it) is
 * matched sentence by sentence.
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

/** The first and last mapped article offsets inside [start, end), or undefined when none is. */
export function mappedBounds(map: Int32Array, start: number, end: number): { first: number; last: number } | undefined {
  let first = start;
  while (first < end && map[first]! < 0) first += 1;
  let last = Math.min(end, map.length) - 1;
  while (last >= first && map[last]! < 0) last -= 1;
  if (first >= end || last < first) return undefined;
  return { first: map[first]!, last: map[last]! };
}
