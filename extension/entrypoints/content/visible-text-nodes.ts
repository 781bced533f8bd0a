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
 * documents belong to other frames, and often other origins).
 */
export function visibleTextNodes(root: Node, isHidden: IsHidden = isHiddenByStyle): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node) {
      if (node.nodeType === 3) return (node as Text).data.length > 0 ? 1 : 3; // ACCEPT : SKIP
      const element = node as Element;
      if (SKIPPED.has(element.tagName.toUpperCase()) || element.hasAttribute(LOUPE_UI_ATTRIBUTE)) return 2; // REJECT
      return isHidden(element) ? 2 : 3;
    },
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}
