import type { ImageContext } from '../../lib/messaging/content-protocol';
import { LOUPE_UI_ATTRIBUTE } from './visible-text-nodes';

const NEARBY_MAX = 300;

/** The last path segment of an image URL, decoded; '' for data: and blob: URLs. */
export function imageFilename(srcUrl: string): string {
  try {
    const url = new URL(srcUrl);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return '';
    return decodeURIComponent(url.pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/gu, ' ').trim();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

function truncateStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(-max);
  const space = cut.indexOf(' ');
  return `…${space >= 0 && space < max * 0.4 ? cut.slice(space + 1) : cut}`;
}

/** Elements whose text is never prose around an image. */
const NOT_PROSE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg']);
/** Past these, the siblings are the site's header, navigation and footer, not the story. */
const STORY_BOUNDS = new Set(['BODY', 'MAIN', 'ARTICLE']);

/**
 * The nearest sibling node with text that is the page's own (Loupe's notes and cards, scripts
 * and empty nodes such as another image are skipped).
 */
function textBeside(node: Node, direction: 'previousSibling' | 'nextSibling'): string {
  for (let sibling = node[direction]; sibling; sibling = sibling[direction]) {
    if (sibling.nodeType === 1) {
      const el = sibling as Element;
      if (el.hasAttribute(LOUPE_UI_ATTRIBUTE) || NOT_PROSE.has(el.tagName)) continue;
    } else if (sibling.nodeType !== 3) {
      continue;
    }
    const text = squash(sibling.textContent);
    if (text) return text;
  }
  return '';
}

/**
 * Text next to the image: what sits right before and after it (its figure, when it has one),
 * widening to the enclosing block only when that says too little. Starting from the image
 * itself matters: an image placed straight between two paragraphs has them as its siblings.
 */
function nearbyText(img: Element): string {
  for (let node: Element | null = img.closest('figure') ?? img; node && !STORY_BOUNDS.has(node.tagName); node = node.parentElement) {
    const before = textBeside(node, 'previousSibling');
    const after = textBeside(node, 'nextSibling');
    if (before.length + after.length < 40) continue;
    // Each side gets half the room when both have text: the words closest to the image.
    const room = before && after ? Math.floor((NEARBY_MAX - 3) / 2) : NEARBY_MAX;
    return [before && truncateStart(before, room), after && truncate(after, room)].filter(Boolean).join(' ');
  }
  return '';
}

/** What the page says about an image: alt, aria-label, title, figcaption, nearby text, filename. */
export function captureImageContext(img: Element, srcUrl: string): ImageContext {
  const context: ImageContext = [];
  const add = (source: ImageContext[number]['source'], text: string) => {
    if (text) context.push({ source, text });
  };
  const figcaption = squash(img.closest('figure')?.querySelector('figcaption')?.textContent);
  add('alt', squash(img.getAttribute('alt')));
  add('alt', squash(img.getAttribute('aria-label')));
  add('title', squash(img.getAttribute('title')));
  add('figcaption', figcaption);
  add('nearby', nearbyText(img));
  add('filename', imageFilename(srcUrl));
  return context;
}
