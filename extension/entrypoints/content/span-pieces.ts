import { squeeze, type SearchableText } from '../../lib/anchoring/searchable-text';
import { firstAtOrAfter } from '../../lib/anchoring/anchor-quote';

/** Live offsets [start, end). */
export interface LivePiece {
  start: number;
  end: number;
}

/** How far (in characters without whitespace) a span's quote is looked for around where it should be. */
const NEAR = 1000;

/**
 * The live pieces the article characters [start, end) map to: consecutive characters share a
 * piece unless live-only text (a footnote marker) sits between them. Null when a character
 * that is not whitespace has no place on the page, or the places run backwards.
 */
export function mappedPieces(text: string, live: string, map: Int32Array, start: number, end: number): LivePiece[] | null {
  const pieces: LivePiece[] = [];
  for (const k of squeeze(text, start, end).offsets) {
    const at = map[k]!;
    if (at < 0) return null;
    const last = pieces.at(-1);
    if (last && at < last.end) return null;
    if (last && squeeze(live, last.end, at).chars.length === 0) last.end = at + 1;
    else pieces.push({ start: at, end: at + 1 });
  }
  return pieces.length > 0 ? pieces : null;
}

function nearestMapped(map: Int32Array, start: number, end: number): number {
  for (let k = start - 1; k >= Math.max(0, start - NEAR); k -= 1) if (map[k]! >= 0) return map[k]!;
  for (let k = start; k < Math.min(map.length, end + NEAR); k += 1) if (map[k]! >= 0) return map[k]!;
  return -1;
}

/**
 * The span's words found whole in the live text, at the occurrence nearest to where its
 * aligned neighbours put it: for spans the alignment placed only in part. Null when the words
 * are not on the page near there.
 */
export function quoteNearby(text: string, target: SearchableText, map: Int32Array, start: number, end: number): LivePiece | null {
  const quote = squeeze(text, start, end).chars;
  const hint = nearestMapped(map, start, end);
  if (!quote || hint < 0) return null;
  const expected = firstAtOrAfter(target.offsets, hint);
  const from = Math.max(0, expected - NEAR);
  const window = target.chars.slice(from, expected + NEAR + quote.length);
  let best = -1;
  for (let at = window.indexOf(quote); at >= 0; at = window.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(from + at - expected) < Math.abs(best - expected)) best = from + at;
  }
  if (best < 0) return null;
  return { start: target.offsets[best]!, end: target.offsets[best + quote.length - 1]! + 1 };
}

/**
 * Squeezed-character runs of `pieces` relative to the extent [first start, last end): the
 * shape of a split span that survives a re-render with different whitespace.
 */
export function relativeRuns(live: string, pieces: readonly LivePiece[]): Array<[number, number]> {
  const extent = squeeze(live, pieces[0]!.start, pieces.at(-1)!.end).offsets;
  return pieces.map((p) => {
    const from = firstAtOrAfter(extent, p.start);
    return [from, firstAtOrAfter(extent, p.end)];
  });
}

/** The live pieces of `runs` within the extent [start, end) of a re-found span. */
export function piecesFromRuns(
  live: string,
  start: number,
  end: number,
  runs: ReadonlyArray<readonly [number, number]>,
): LivePiece[] | null {
  const extent = squeeze(live, start, end).offsets;
  const pieces: LivePiece[] = [];
  for (const [from, to] of runs) {
    if (to <= from || to > extent.length) return null;
    pieces.push({ start: extent[from]!, end: extent[to - 1]! + 1 });
  }
  return pieces;
}
