import { alignText, alignTextSliced, locateOffset, mappedBounds } from './align-text';
import { liveRange, readLiveText, type LiveText } from './live-text';
import type { TimeSlicer } from './time-slicer';

export interface SpanPosition {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

export interface TextMap {
  /** The text the offsets index into (what was sent for analysis). */
  readonly text: string;
  /** The page text the map points into. */
  readonly live: LiveText;
  /** Live offsets [start, end) of article offsets [start, end), or null when unmapped. */
  liveSpan(start: number, end: number): { start: number; end: number } | null;
  /** Where article offsets [start, end) sit among the live text nodes, or null when unmapped. */
  positionOf(start: number, end: number): SpanPosition | null;
  /** A live DOM range covering article offsets [start, end), or null when it is not on the page. */
  rangeForSpan(start: number, end: number): Range | null;
}

function fromAlignment(text: string, live: LiveText, map: Int32Array): TextMap {
  const liveSpan = (start: number, end: number) => {
    const bounds = mappedBounds(map, start, end);
    if (!bounds || bounds.last < bounds.first || live.nodes.length === 0) return null;
    return { start: bounds.first, end: bounds.last + 1 };
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
      return { startNode: live.nodes[from.index]!, startOffset: from.offset, endNode, endOffset: Math.min(to.offset + 1, endNode.data.length) };
    },
    rangeForSpan(start, end) {
      const span = liveSpan(start, end);
      return span ? liveRange(live, span.start, span.end) : null;
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
