import type { AnnotationKind } from '../../lib/tab-state';

export const HIGHLIGHT_NAMES = {
  summary: 'loupe-summary',
  entity: 'loupe-entity',
  bias: 'loupe-bias',
  focus: 'loupe-focus',
} as const;

const PRIORITIES: Record<AnnotationKind, number> = { summary: 1, entity: 2, bias: 3 };

const STYLES = `
::highlight(loupe-summary) { background-color: rgba(64, 140, 255, 0.18); }
::highlight(loupe-entity) { text-decoration: underline dotted rgba(30, 120, 60, 0.9); text-decoration-thickness: 2px; }
::highlight(loupe-bias) { background-color: rgba(255, 176, 0, 0.35); text-decoration: underline wavy rgba(190, 90, 0, 0.9); }
::highlight(loupe-focus) { background-color: rgba(255, 230, 0, 0.85); color: #000; }
`;

let styled = false;

/** Highlight styles go in an adopted sheet: the page's DOM gets no <style> or wrapper elements. */
function ensureStyles(doc: Document): void {
  if (styled) return;
  styled = true;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch (error) {
    // Firefox's content-script wrappers can refuse a sheet built in the isolated world.
    const style = doc.createElement('style');
    style.setAttribute('data-loupe-ui', '');
    style.textContent = STYLES;
    (doc.head ?? doc.documentElement).append(style);
    console.debug('Loupe: adoptedStyleSheets unavailable, used a <style> element', error);
  }
}

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Marks ranges in the page with the CSS Custom Highlight API: no wrapper elements, so the
 * page's own scripts and styles never see Loupe, and a re-render cannot leave stale markup.
 */
export function paintHighlights(doc: Document, ranges: Record<AnnotationKind, Range[]>): void {
  if (!supported()) return;
  ensureStyles(doc);
  for (const kind of Object.keys(PRIORITIES) as AnnotationKind[]) {
    const list = ranges[kind];
    if (list.length === 0) {
      CSS.highlights.delete(HIGHLIGHT_NAMES[kind]);
      continue;
    }
    const highlight = new Highlight(...list);
    highlight.priority = PRIORITIES[kind];
    CSS.highlights.set(HIGHLIGHT_NAMES[kind], highlight);
  }
}

/** Marks one span (its ranges) as the focus and scrolls it to the middle of its scroll container. */
export function focusRange(doc: Document, ranges: readonly Range[]): void {
  const range = ranges[0];
  if (!range) return;
  if (supported()) {
    ensureStyles(doc);
    const highlight = new Highlight(...ranges);
    highlight.priority = 10;
    CSS.highlights.set(HIGHLIGHT_NAMES.focus, highlight);
  }
  const anchor = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  anchor?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

export function clearFocus(): void {
  if (supported()) CSS.highlights.delete(HIGHLIGHT_NAMES.focus);
}

export function clearHighlights(): void {
  if (!supported()) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
}
