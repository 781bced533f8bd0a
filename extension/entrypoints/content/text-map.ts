import { alignText, locateOffset, mappedBounds } from './align-text';

export interface SpanPosition {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

export interface TextMap {
  /** The text the offsets index into (what was sent for analysis). */
  readonly text: string;
  /** Where article offsets [start, end) sit among the live text nodes, or null when unmapped. */
  positionOf(start: number, end: number): SpanPosition | null;
  /** A live DOM range covering article offsets [start, end), or null when it is not on the page. */
  rangeForSpan(start: number, end: number): Range | null;
}

/** Builds the article-offset → live-DOM map over `nodes` (visible text nodes, document order). */
export function createTextMap(text: string, nodes: readonly Text[]): TextMap {
  const starts: number[] = [];
  let live = '';
  for (const node of nodes) {
    starts.push(live.length);
    live += node.data;
  }
  const map = alignText(text, live);
  function positionOf(start: number, end: number): SpanPosition | null {
    const bounds = mappedBounds(map, start, end);
    if (!bounds || bounds.last < bounds.first || nodes.length === 0) return null;
    const from = locateOffset(starts, bounds.first);
    const to = locateOffset(starts, bounds.last);
    const startNode = nodes[from.index]!;
    const endNode = nodes[to.index]!;
    return { startNode, startOffset: from.offset, endNode, endOffset: Math.min(to.offset + 1, endNode.data.length) };
  }

  return {
    text,
    positionOf,
    rangeForSpan(start, end) {
      const position = positionOf(start, end);
      if (!position || !position.startNode.isConnected || !position.endNode.isConnected) return null;
      const range = position.startNode.ownerDocument.createRange();
      range.setStart(position.startNode, position.startOffset);
      range.setEnd(position.endNode, position.endOffset);
      return range;
    },
  };
}
