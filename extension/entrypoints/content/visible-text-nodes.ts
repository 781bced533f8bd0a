/** Elements whose text is never part of what a reader sees as the page's text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CANVAS', 'SVG']);

/** Our own in-page UI carries this attribute so it is never captured or highlighted. */
export const LOUPE_UI_ATTRIBUTE = 'data-loupe-ui';

export type IsHidden = (element: Element) => boolean;

/** Rendered-hidden check; documents without layout (tests) pass `() => false`. */
export const isHiddenByStyle: IsHidden = (element) =>
  typeof element.checkVisibility === 'function'
    ? !element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })
    : false;

/**
 * The text nodes a reader sees under `root`, in document order. Iframes are skipped (their
 * documents belong to other frames, and often other origins). An explicit stack rather than a
 * TreeWalker: deep pages cannot overflow it, and it behaves the same on linkedom in tests.
 */
export function visibleTextNodes(root: Node, isHidden: IsHidden = isHiddenByStyle): Text[] {
  const nodes: Text[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      if ((node as Text).data.length > 0) nodes.push(node as Text);
      continue;
    }
    if (node.nodeType === 1) {
      const element = node as Element;
      if (SKIPPED.has(element.tagName.toUpperCase()) || element.hasAttribute(LOUPE_UI_ATTRIBUTE) || isHidden(element)) continue;
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return nodes;
}
