import type { AnnotationKind } from '../../lib/tab-state';
import { highlightStyles, pageColors, paletteFor } from './highlight-palette';

export const HIGHLIGHT_NAMES = {
  summary: 'loupe-summary',
  entity: 'loupe-entity',
  bias: 'loupe-bias',
  cue: 'loupe-cue',
  hint: 'loupe-hint',
  focus: 'loupe-focus',
} as const;

const PRIORITIES: Record<AnnotationKind, number> = { summary: 1, entity: 2, bias: 3 };
const CUE_PRIORITY = 4;

let styled = false;

/**
 * Highlight styles go in an adopted sheet: the page's DOM gets no <style> or wrapper elements.
 * Their colours are fitted to the page's own background and text (see highlight-palette).
 */
function ensureStyles(doc: Document): void {
  if (styled) return;
  styled = true;
  const { background, text } = pageColors(doc);
  const styles = highlightStyles(paletteFor(background, text));
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch (error) {
    // Firefox's content-script wrappers can refuse a sheet built in the isolated world.
    const style = doc.createElement('style');
    style.setAttribute('data-loupe-ui', '');
    style.textContent = styles;
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

/**
 * Marks the words that triggered each flag: an alert's over its sentence's lighter tint, a
 * quiet hint's (a vague claim) with a thin dotted line and no tint.
 */
export function paintCues(doc: Document, ranges: { cue: readonly Range[]; hint: readonly Range[] }): void {
  if (!supported()) return;
  ensureStyles(doc);
  for (const name of ['cue', 'hint'] as const) {
    if (ranges[name].length === 0) {
      CSS.highlights.delete(HIGHLIGHT_NAMES[name]);
      continue;
    }
    const highlight = new Highlight(...ranges[name]);
    highlight.priority = CUE_PRIORITY;
    CSS.highlights.set(HIGHLIGHT_NAMES[name], highlight);
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
