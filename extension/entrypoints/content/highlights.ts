import type { Analysis, Span } from '../../../shared/protocol/results';
import type { HighlightReport } from '../../lib/messaging/content-protocol';
import type { TextMap } from './text-map';

export const HIGHLIGHT_NAMES = {
  summary: 'loupe-summary',
  entity: 'loupe-entity',
  bias: 'loupe-bias',
  focus: 'loupe-focus',
} as const;

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

/** Marks the analysis's spans in the page with the CSS Custom Highlight API. */
export function showHighlights(doc: Document, map: TextMap, analysis: Analysis): HighlightReport {
  clearHighlights();
  if (!supported()) return { highlighted: 0, unmapped: 0 };
  ensureStyles(doc);
  let highlighted = 0;
  let unmapped = 0;
  const set = (name: string, spans: readonly Span[], priority: number) => {
    const ranges: Range[] = [];
    for (const span of spans) {
      const range = map.rangeForSpan(span.start, span.end);
      if (range) ranges.push(range);
      else unmapped += 1;
    }
    highlighted += ranges.length;
    if (ranges.length === 0) return;
    const highlight = new Highlight(...ranges);
    highlight.priority = priority;
    CSS.highlights.set(name, highlight);
  };
  set(HIGHLIGHT_NAMES.summary, analysis.summary?.sentences ?? [], 1);
  set(HIGHLIGHT_NAMES.entity, analysis.entities?.items ?? [], 2);
  set(HIGHLIGHT_NAMES.bias, analysis.bias?.flags ?? [], 3);
  return { highlighted, unmapped };
}

/** Marks one span as the focus and scrolls it to the middle of its scroll container. */
export function focusRange(doc: Document, range: Range): void {
  if (supported()) {
    ensureStyles(doc);
    const highlight = new Highlight(range);
    highlight.priority = 10;
    CSS.highlights.set(HIGHLIGHT_NAMES.focus, highlight);
  }
  const anchor = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  anchor?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

export function clearHighlights(): void {
  if (!supported()) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
}
