import { HIDDEN_TEXT_TAGS } from '../../../shared/text/block-text';
import type { TimeSlicer } from './time-slicer';

/** Our own in-page UI carries this attribute so it is never captured or highlighted. */
export const LOUPE_UI_ATTRIBUTE = 'data-loupe-ui';

export type IsHidden = (element: Element) => boolean;

/**
 * Rendered-hidden check (display:none, visibility:hidden, closed <details>...), plus
 * aria-hidden="true": text hidden from assistive tech is decoration (icon glyphs, duplicated
 * labels) a reader does not take as the article. Documents without layout (tests) pass
 * `ariaHiddenOnly`.
 */
export const isHiddenByStyle: IsHidden = (element) =>
  ariaHiddenOnly(element) ||
  (typeof element.checkVisibility === 'function'
    ? !element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })
    : false);

export const ariaHiddenOnly: IsHidden = (element) => element.getAttribute('aria-hidden') === 'true';

/** Whether the walker stepped into text it should not: iframes are reported, not read. */
export interface WalkNotes {
  iframes: number;
}

/**
 * Walks the text nodes a reader sees under `root`, in document order, `batch` elements per
 * step. Iframes are skipped and counted (their documents belong to other frames, often other
 * origins). An explicit stack rather than a TreeWalker: deep pages cannot overflow it, and it
 * behaves the same on linkedom in tests.
 */
function createWalker(root: Node, isHidden: IsHidden) {
  const nodes: Text[] = [];
  const notes: WalkNotes = { iframes: 0 };
  const stack: Node[] = [root];
  const step = (batch: number): boolean => {
    for (let n = 0; n < batch && stack.length > 0; n += 1) {
      const node = stack.pop()!;
      if (node.nodeType === 3) {
        if ((node as Text).data.length > 0) nodes.push(node as Text);
        continue;
      }
      if (node.nodeType === 1) {
        const element = node as Element;
        const tag = element.tagName.toUpperCase();
        if (tag === 'IFRAME' || tag === 'FRAME') notes.iframes += 1;
        if (HIDDEN_TEXT_TAGS.has(tag) || element.hasAttribute(LOUPE_UI_ATTRIBUTE) || isHidden(element)) continue;
      }
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
    return stack.length === 0;
  };
  return { nodes, notes, step };
}

export function visibleTextNodes(root: Node, isHidden: IsHidden = isHiddenByStyle): Text[] {
  const walker = createWalker(root, isHidden);
  walker.step(Number.POSITIVE_INFINITY);
  return walker.nodes;
}

/** The same walk, in slices, so a huge page's main thread keeps answering input. */
export async function visibleTextNodesSliced(
  root: Node,
  slicer: TimeSlicer,
  isHidden: IsHidden = isHiddenByStyle,
): Promise<{ nodes: Text[]; notes: WalkNotes }> {
  const walker = createWalker(root, isHidden);
  while (!walker.step(400)) await slicer.maybeYield();
  return { nodes: walker.nodes, notes: walker.notes };
}
