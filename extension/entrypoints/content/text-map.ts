import { alignText, locateOffset, mappedBounds } from './align-text';

export interface TextMap {
  /** The text the offsets index into (what was sent for analysis). */
  readonly text: string;
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
  return {
    text,
    rangeForSpan(start, end) {
      const bounds = mappedBounds(map, start, end);
      if (!bounds || bounds.last < bounds.first || nodes.length === 0) return null;
      const from = locateOffset(starts, bounds.first);
      const to = locateOffset(starts, bounds.last);
      const startNode = nodes[from.index]!;
      const endNode = nodes[to.index]!;
      if (!startNode.isConnected || !endNode.isConnected) return null;
      const range = startNode.ownerDocument.createRange();
      range.setStart(startNode, from.offset);
      range.setEnd(endNode, Math.min(to.offset + 1, endNode.data.length));
      return range;
    },
  };
}
