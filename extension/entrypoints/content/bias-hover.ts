import type { BiasFlag } from '../../../shared/protocol/results';
import { LOUPE_UI_ATTRIBUTE } from './visible-text-nodes';

const TIP_STYLES = `
.tip { font: 12px/1.4 system-ui, sans-serif; color: #1d1d1f; background: #fffbe6; border: 1px solid #d8b24a;
  border-radius: 6px; padding: 6px 8px; max-width: 320px; box-shadow: 0 4px 14px rgba(0,0,0,.15); }
.cat { font-weight: 600; text-transform: capitalize; }
`;

export const TIP_HOST_ATTRIBUTE = 'data-loupe-tip';

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The text position under the pointer (the Highlight API has no events of its own). */
function caretAt(doc: CaretDocument, x: number, y: number): { node: Node; offset: number } | null {
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/**
 * Shows the category and explanation of each flag under the pointer while it rests on a
 * highlight (a sentence can carry two: an unattributed claim and an exaggeration). One listener
 * per page; `update` swaps the flags after each annotation, `update([])` turns it off.
 */
export function createBiasHover(doc: Document) {
  let flags: Array<{ flag: BiasFlag; range: Range }> = [];
  let host: HTMLElement | null = null;
  let shown: readonly BiasFlag[] = [];
  let frame = 0;

  const hide = () => {
    host?.remove();
    host = null;
    shown = [];
  };
  const show = (hits: readonly BiasFlag[], x: number, y: number) => {
    if (host && hits.length === shown.length && hits.every((flag, i) => flag === shown[i])) return;
    hide();
    host = doc.createElement('div');
    host.setAttribute(TIP_HOST_ATTRIBUTE, '');
    host.setAttribute(LOUPE_UI_ATTRIBUTE, '');
    host.style.cssText = `position:fixed;left:${x + 12}px;top:${y + 16}px;z-index:2147483647;pointer-events:none;`;
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = TIP_STYLES;
    const tip = doc.createElement('div');
    tip.className = 'tip';
    for (const flag of hits) {
      const category = doc.createElement('div');
      category.className = 'cat';
      category.textContent = flag.category.replace(/-/gu, ' ');
      const explanation = doc.createElement('div');
      explanation.textContent = flag.explanation;
      tip.append(category, explanation);
    }
    shadow.append(style, tip);
    doc.body.append(host);
    shown = hits;
  };
  const onMove = (event: MouseEvent) => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const caret = caretAt(doc as CaretDocument, event.clientX, event.clientY);
      const hits = caret ? flags.filter(({ range }) => range.isPointInRange(caret.node, caret.offset)).map(({ flag }) => flag) : [];
      const unique = [...new Set(hits)];
      if (unique.length > 0) show(unique, event.clientX, event.clientY);
      else hide();
    });
  };

  return {
    update(next: Array<{ flag: BiasFlag; range: Range }>): void {
      flags = next;
      hide();
      if (next.length > 0) doc.addEventListener('mousemove', onMove, { passive: true });
      else doc.removeEventListener('mousemove', onMove);
    },
  };
}
