import { locateOffset } from './align-text';

/** The page's visible text nodes, concatenated: live offsets index `text`. */
export interface LiveText {
  readonly text: string;
  readonly nodes: readonly Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  readonly starts: readonly number[];
}

export function readLiveText(nodes: readonly Text[]): LiveText {
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const node of nodes) {
    starts.push(length);
    parts.push(node.data);
    length += node.data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/** A DOM range over live offsets [start, end), or null when its nodes left the document. */
export function liveRange(live: LiveText, start: number, end: number): Range | null {
  if (live.nodes.length === 0 || end <= start) return null;
  const from = locateOffset(live.starts, start);
  const to = locateOffset(live.starts, end - 1);
  const startNode = live.nodes[from.index]!;
  const endNode = live.nodes[to.index]!;
  if (!startNode.isConnected || !endNode.isConnected) return null;
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, from.offset);
  range.setEnd(endNode, Math.min(to.offset + 1, endNode.data.length));
  return range;
}
