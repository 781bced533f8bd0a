import { LOUPE_UI_ATTRIBUTE } from './visible-text-nodes';

function isLoupeNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(`[${LOUPE_UI_ATTRIBUTE}]`) != null;
}

/** A mutation of the page's own content (not Loupe's card, tooltip or screen-reader notes). */
function isPageChange(record: MutationRecord): boolean {
  if (record.type === 'characterData') return !isLoupeNode(record.target);
  if (isLoupeNode(record.target)) return false;
  const touched = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return touched.some((node) => !(node.nodeType === 1 && (node as Element).hasAttribute(LOUPE_UI_ATTRIBUTE)));
}

/**
 * Calls `onSettled` once the page stops changing for `quietMs` (a single-page app re-rendering
 * a section fires hundreds of mutations in a burst). Attribute changes are ignored: they do not
 * move text, and the accessibility mode's own `alt` edits must not wake it.
 */
export function watchPageChanges(doc: Document, onSettled: () => void, quietMs = 250): { stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (!records.some(isPageChange)) return;
    clearTimeout(timer);
    timer = setTimeout(onSettled, quietMs);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  return {
    stop() {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}
