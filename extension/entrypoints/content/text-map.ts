import { squeeze } from '../../lib/anchoring/searchable-text';
import { alignText, alignTextSliced, locateOffset } from './align-text';
import { liveRange, readLiveText, type LiveText } from './live-text';
import { mappedPieces, quoteNearby, type LivePiece } from './span-pieces';
import type { TimeSlicer } from './time-slicer';

export interface SpanPosition {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** Where an analysed span sits in the live text: its extent, and the pieces that are its words. */
export interface LiveSpan extends LivePiece {
  /** More than one when live-only text (a footnote marker) sits inside the span's words. */
  pieces: LivePiece[];
}

export interface TextMap {
  /** The text the offsets index into (what was sent for analysis). */
  readonly text: string;
  /** The page text the map points into. */
  readonly live: LiveText;
  /**
   * Where article offsets [start, end) are in the live text, or null when they are not on the
   * page whole: a span is never placed in part.
   */
  liveSpan(start: number, end: number): LiveSpan | null;
  /** Where the extent of article offsets [start, end) sits among the live text nodes, or null. */
  positionOf(start: number, end: number): SpanPosition | null;
  /** Live DOM ranges covering exactly the words of article offsets [start, end); empty when unmapped. */
  rangesForSpan(start: number, end: number): Range[];
}

function fromAlignment(text: string, live: LiveText, map: Int32Array): TextMap {
  let target: ReturnType<typeof squeeze> | null = null;
  const liveSpan = (start: number, end: number): LiveSpan | null => {
    if (live.nodes.length === 0) return null;
    let pieces = mappedPieces(text, live.text, map, start, end);
    if (!pieces) {
      target ??= squeeze(live.text);
      const found = quoteNearby(text, target, map, start, end);
      pieces = found ? [found] : null;
    }
    return pieces ? { start: pieces[0]!.start, end: pieces.at(-1)!.end, pieces } : null;
  };
  return {
    text,
    live,
    liveSpan,
    positionOf(start, end) {
      const span = liveSpan(start, end);
      if (!span) return null;
      const from = locateOffset(live.starts, span.start);
      const to = locateOffset(live.starts, span.end - 1);
      const endNode = live.nodes[to.index]!;
      return {
        startNode: live.nodes[from.index]!,
        startOffset: from.offset,
        endNode,
        endOffset: Math.min(to.offset + 1, endNode.data.length),
      };
    },
    rangesForSpan(start, end) {
      const span = liveSpan(start, end);
      const ranges = span?.pieces.map((p) => liveRange(live, p.start, p.end)) ?? [];
      return ranges.every((r) => r !== null) ? ranges : [];
    },
  };
}

/** Builds the article-offset → live-DOM map over `nodes` (visible text nodes, document order). */
export function createTextMap(text: string, nodes: readonly Text[]): TextMap {
  const live = readLiveText(nodes);
  return fromAlignment(text, live, alignText(text, live.text));
}

/** The same map, built in slices so a long page stays responsive. */
export async function createTextMapSliced(text: string, nodes: readonly Text[], slicer: TimeSlicer): Promise<TextMap> {
  const live = readLiveText(nodes);
  return fromAlignment(text, live, await alignTextSliced(text, live.text, slicer));
}
