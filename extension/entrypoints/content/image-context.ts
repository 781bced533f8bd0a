import type { ImageContext } from '../../lib/messaging/content-protocol';
import { LOUPE_UI_ATTRIBUTE } from './visible-text-nodes';

const NEARBY_MAX = 300;

const PLACEHOLDER_ALT = /^(?:an?\s)?(?:image|img|photo|picture|pic|graphic|icon|logo|banner|thumbnail|placeholder|spacer|untitled|alt)(?:[\s_-]*\d+)?$/iu;
const FILE_LIKE = /^[\w.-]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp)$|^(?:img|dsc|pxl|screenshot)[\s_-]*\d+/iu;

export type AltQuality = 'missing' | 'useless' | 'useful';

/** Whether the page's alt text tells a reader anything ("IMG_0042.jpg", "image" do not). */
export function altQuality(alt: string | null, filename: string): AltQuality {
  const text = (alt ?? '').replace(/\s+/gu, ' ').trim();
  if (!text) return 'missing';
  const stem = filename.replace(/\.[^.]+$/u, '').toLowerCase();
  if (PLACEHOLDER_ALT.test(text) || FILE_LIKE.test(text) || /^[\W\d_]*$/u.test(text)) return 'useless';
  if (stem && text.toLowerCase().replace(/\s+/gu, '-') === stem) return 'useless';
  return 'useful';
}

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

/** The nearest sibling that is the page's own (Loupe's notes and cards are not context). */
function pageSibling(el: Element, direction: 'previousElementSibling' | 'nextElementSibling'): Element | null {
  let sibling = el[direction];
  while (sibling?.hasAttribute(LOUPE_UI_ATTRIBUTE)) sibling = sibling[direction];
  return sibling;
}

/** Text next to the image: the paragraphs around its figure (or around an enclosing block). */
function nearbyText(img: Element): string {
  for (let el = img.closest('figure') ?? img.parentElement; el && el.tagName !== 'BODY'; el = el.parentElement) {
    const around = [pageSibling(el, 'previousElementSibling'), pageSibling(el, 'nextElementSibling')]
      .map((sibling) => squash(sibling?.textContent))
      .filter(Boolean)
      .join(' ');
    if (around.length >= 40) return truncate(around, NEARBY_MAX);
  }
  return '';
}

/** What the page says about an image: alt, aria-label, title, figcaption, nearby text, filename. */
export function captureImageContext(img: Element, srcUrl: string): ImageContext {
  const context: ImageContext = [];
  const add = (source: ImageContext[number]['source'], text: string) => { if (text) context.push({ source, text }); };
  const figcaption = squash(img.closest('figure')?.querySelector('figcaption')?.textContent);
  add('alt', squash(img.getAttribute('alt')));
  add('alt', squash(img.getAttribute('aria-label')));
  add('title', squash(img.getAttribute('title')));
  add('figcaption', figcaption);
  add('nearby', nearbyText(img));
  add('filename', imageFilename(srcUrl));
  return context;
}
