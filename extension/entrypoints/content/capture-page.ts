import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { INPUT_LIMITS } from '../../../shared/limits';
import type { PageHints } from '../../../shared/protocol/page-hints';
import { blockText, type TextBlock } from '../../../shared/text/block-text';
import { keywordsOfDocument } from '../../../shared/text/page-keywords';
import { structuredDataTypes } from '../../../shared/text/structured-data-types';
import type { CapturedText } from '../../lib/messaging/content-protocol';
import type { CaptureScope } from '../../lib/tab-state';
import type { TimeSlicer } from './time-slicer';
import { isHiddenByStyle, visibleTextNodes, visibleTextNodesSliced, type IsHidden } from './visible-text-nodes';

export const NO_ARTICLE = 'No readable article on this page — select text and use "Summarize selection".';
export const NO_SELECTION = 'Nothing is selected — select some text on the page first.';
const MAX_CHARS = INPUT_LIMITS.maxTextChars;
/** Below this many words a page must look like an article to Readability's own test. */
const MIN_WORDS = 50;

/** What a capture answers, before the content script names it with a capture id. */
export type CaptureReply = Omit<Extract<CapturedText, { ok: true }>, 'captureId'> | Extract<CapturedText, { ok: false }>;

export interface Capture {
  reply: CaptureReply;
  /** The live text nodes the captured text came from (for the offset → DOM map). */
  nodes: Text[];
}

/** The article (Readability on a clone, so the page's DOM is untouched) or the current selection. */
export async function capturePage(
  doc: Document,
  scope: CaptureScope,
  slicer: TimeSlicer,
  isHidden: IsHidden = isHiddenByStyle,
): Promise<Capture> {
  const meta = { title: doc.title, url: doc.location?.href ?? '' };
  const text = scope === 'article' ? await articleText(doc, slicer, isHidden) : selectionText(doc);
  if (!text.ok) return { reply: { ok: false, reason: text.reason }, nodes: [] };
  const notes = text.notes?.length ? { notes: text.notes } : {};
  const value = text.value.slice(0, MAX_CHARS);
  const page = pageHints(doc, value.length, text.blocks, text.title);
  return { reply: { ok: true, text: value, ...meta, ...notes, page }, nodes: text.nodes };
}

type Extracted =
  | { ok: true; value: string; nodes: Text[]; blocks?: TextBlock[]; notes?: string[]; title?: string }
  | { ok: false; reason: string };

/**
 * What the page says about itself (its article's title, declared language, structured-data
 * types, keywords) and its block roles up to `length`. The title is Readability's when it found
 * the article (the headline without the site's name, as the daemon's capture gives it), else the
 * document's.
 */
function pageHints(doc: Document, length: number, blocks: readonly TextBlock[] = [], articleTitle?: string): PageHints {
  const title = articleTitle || doc.title;
  const lang = doc.documentElement?.getAttribute('lang')?.trim();
  const jsonLd = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'), (script) => script.textContent ?? '');
  const types = structuredDataTypes(jsonLd, doc.querySelector('meta[property="og:type"]')?.getAttribute('content'));
  const keywords = keywordsOfDocument(doc);
  const inside = blocks.filter((block) => block.start < length).map((block) => ({ ...block, end: Math.min(block.end, length) }));
  return {
    ...(title ? { title: title.slice(0, 2_000) } : {}),
    ...(lang ? { lang: lang.slice(0, 35) } : {}),
    ...(types.length > 0 ? { types } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    ...(inside.length > 0 ? { blocks: inside } : {}),
  };
}

/**
 * A copy of the document without what the reader cannot see (display:none, visibility:hidden,
 * aria-hidden, templates), so Readability never picks up text that is not on screen. The clone
 * has the live tree's shape, so its elements pair with the live ones by document order.
 */
async function visibleClone(doc: Document, slicer: TimeSlicer, isHidden: IsHidden): Promise<Document> {
  const clone = doc.cloneNode(true) as Document;
  const live = doc.body?.querySelectorAll('*') ?? [];
  const copies = clone.body?.querySelectorAll('*') ?? [];
  if (live.length !== copies.length) return clone;
  const hidden: Element[] = [];
  for (let i = 0; i < live.length; i += 1) {
    const element = live[i]!;
    if (element.tagName === 'TEMPLATE' || isHidden(element)) hidden.push(copies[i]!);
    if (i % 500 === 499) await slicer.maybeYield();
  }
  for (const element of hidden) element.remove();
  return clone;
}

function frameNote(count: number): string[] {
  if (count === 0) return [];
  return [
    `${count} embedded frame${count === 1 ? '' : 's'} (iframe) skipped: text inside ${count === 1 ? 'it is' : 'them is'} not analysed.`,
  ];
}

async function articleText(doc: Document, slicer: TimeSlicer, isHidden: IsHidden): Promise<Extracted> {
  const clone = await visibleClone(doc, slicer, isHidden);
  await slicer.maybeYield();
  // Classes stay: they mark captions and credits that are not in a <figcaption> (see blockText).
  const article = new Readability(clone, { keepClasses: true }).parse();
  if (!article?.content) return { ok: false, reason: NO_ARTICLE };
  const parsed = new DOMParser().parseFromString(article.content, 'text/html');
  const { text: value, blocks } = blockText(parsed.body);
  // Readability extracts *something* from any page (a sign-in form's labels): that is not an article.
  const words = value.split(/\s+/u).filter(Boolean).length;
  if (words === 0 || (words < MIN_WORDS && !isProbablyReaderable(doc))) return { ok: false, reason: NO_ARTICLE };
  await slicer.maybeYield();
  const walk = await visibleTextNodesSliced(doc.body, slicer, isHidden);
  const title = article.title?.trim();
  return { ok: true, value, nodes: walk.nodes, blocks, notes: frameNote(walk.notes.iframes), ...(title ? { title } : {}) };
}

function selectionText(doc: Document): Extracted {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return { ok: false, reason: NO_SELECTION };
  const value = selection
    .toString()
    .replace(/\n\s*\n\s*/gu, '\n\n')
    .trim();
  if (!value) return { ok: false, reason: NO_SELECTION };
  const ranges = Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
  const root = ranges[0]!.commonAncestorContainer;
  const container = root.nodeType === 3 ? (root.parentNode ?? doc.body) : root;
  const nodes = visibleTextNodes(container).filter((node) => ranges.some((range) => range.intersectsNode(node)));
  // A selection inside a single text node has that node as the common ancestor.
  if (nodes.length === 0 && root.nodeType === 3) nodes.push(root as Text);
  return { ok: true, value, nodes };
}
