import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { CapturedText } from '../../lib/messaging/content-protocol';
import type { CaptureScope } from '../../lib/tab-state';
import { blockText } from './block-text';
import { visibleTextNodes } from './visible-text-nodes';

export const NO_ARTICLE = 'No readable article on this page — select text and use "Summarize selection".';
export const NO_SELECTION = 'Nothing is selected — select some text on the page first.';
const MAX_CHARS = 2_000_000;
/** Below this many words a page must look like an article to Readability's own test. */
const MIN_WORDS = 50;

export interface Capture {
  reply: CapturedText;
  /** The live text nodes the captured text came from (for the offset → DOM map). */
  nodes: Text[];
}

/** The article (Readability on a clone, so the page's DOM is untouched) or the current selection. */
export function capturePage(doc: Document, scope: CaptureScope): Capture {
  const meta = { title: doc.title, url: doc.location?.href ?? '' };
  const text = scope === 'article' ? articleText(doc) : selectionText(doc);
  if (!text.ok) return { reply: { ok: false, reason: text.reason }, nodes: [] };
  return { reply: { ok: true, text: text.value.slice(0, MAX_CHARS), ...meta }, nodes: text.nodes };
}

type Extracted = { ok: true; value: string; nodes: Text[] } | { ok: false; reason: string };

function articleText(doc: Document): Extracted {
  const article = new Readability(doc.cloneNode(true) as Document).parse();
  if (!article?.content) return { ok: false, reason: NO_ARTICLE };
  const parsed = new DOMParser().parseFromString(article.content, 'text/html');
  const value = blockText(parsed.body);
  // Readability extracts *something* from any page (a sign-in form's labels): that is not an article.
  const words = value.split(/\s+/u).filter(Boolean).length;
  if (words === 0 || (words < MIN_WORDS && !isProbablyReaderable(doc))) return { ok: false, reason: NO_ARTICLE };
  return { ok: true, value, nodes: visibleTextNodes(doc.body) };
}

function selectionText(doc: Document): Extracted {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return { ok: false, reason: NO_SELECTION };
  const value = selection.toString().replace(/\n\s*\n\s*/gu, '\n\n').trim();
  if (!value) return { ok: false, reason: NO_SELECTION };
  const ranges = Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
  const root = ranges[0]!.commonAncestorContainer;
  const container = root.nodeType === 3 ? root.parentNode ?? doc.body : root;
  const nodes = visibleTextNodes(container).filter((node) => ranges.some((range) => range.intersectsNode(node)));
  // A selection inside a single text node has that node as the common ancestor.
  if (nodes.length === 0 && root.nodeType === 3) nodes.push(root as Text);
  return { ok: true, value, nodes };
}
