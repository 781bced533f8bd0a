import type { ImageDescription } from '../../../shared/protocol/results';
import { accessibleDescription } from '../../lib/accessible-description';
import type { AccessibleImage } from '../../lib/tab-state';
import { altTextQuality } from '../../../shared/lite/alt-text-quality';
import { captureImageContext, imageFilename } from './image-context';
import { LOUPE_UI_ATTRIBUTE } from './visible-text-nodes';

/** Smaller images are icons, bullets and spacers: describing them is noise. */
export const MIN_IMAGE_SIDE = 80;
const MAX_IMAGES = 20;
const CONTAINER_ATTRIBUTE = 'data-loupe-descriptions';
const VISUALLY_HIDDEN =
  'position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;white-space:nowrap!important;margin:-1px!important;padding:0!important;border:0!important;';

/** Images whose alt text is missing or says nothing, big enough to be content. */
export function imagesNeedingDescription(doc: Document): HTMLImageElement[] {
  return Array.from(doc.images)
    .filter((img) => {
      if (img.closest(`[${LOUPE_UI_ATTRIBUTE}]`) || described.has(img) || img.getAttribute('role') === 'presentation') return false;
      const src = img.currentSrc || img.src;
      if (!src || altTextQuality(img.getAttribute('alt'), imageFilename(src)) === 'useful') return false;
      const width = img.width || img.naturalWidth;
      const height = img.height || img.naturalHeight;
      return width >= MIN_IMAGE_SIDE && height >= MIN_IMAGE_SIDE;
    })
    .slice(0, MAX_IMAGES);
}

const described = new WeakSet<HTMLImageElement>();
/** What Loupe changed on each image, so that turning Loupe off for the site can undo it. */
const applied: Array<{ img: HTMLImageElement; text: string; previousAlt: string | null; noteId?: string }> = [];
let sequence = 0;

function descriptionsContainer(doc: Document): HTMLElement {
  const existing = doc.querySelector<HTMLElement>(`[${CONTAINER_ATTRIBUTE}]`);
  if (existing) return existing;
  const container = doc.createElement('div');
  container.setAttribute(CONTAINER_ATTRIBUTE, '');
  container.setAttribute(LOUPE_UI_ATTRIBUTE, '');
  container.style.cssText = VISUALLY_HIDDEN;
  doc.body.append(container);
  return container;
}

/**
 * Exposes a description to screen readers while changing the page as little as possible:
 *
 * - The author left no alt (or alt=""): set `alt`. Nothing else works here: an img without alt
 *   is announced by its file name, and one with alt="" is dropped from the accessibility tree
 *   altogether, so a description attached to it is never read. The trade-off: alt="" can be a
 *   deliberate "decorative" marking; the size floor keeps icons and spacers out, and the mode is
 *   opt-in. Page scripts that read `alt` will see Loupe's text.
 * - The author wrote a useless alt ("IMG_1234.jpg", "image"): keep it (it is theirs, and page
 *   code may rely on it) and add `aria-describedby` pointing at a visually-hidden element. That
 *   element lives in Loupe's own container in the light DOM, not in a shadow root: ID references
 *   do not cross shadow boundaries, so screen readers would never find it there. aria-describedby
 *   is ARIA 1.0 and read by every major screen reader; `aria-description` is not yet.
 */
export function applyDescription(doc: Document, img: HTMLImageElement, text: string): AccessibleImage['applied'] {
  described.add(img);
  const alt = img.getAttribute('alt');
  if (alt === null || alt.trim() === '') {
    img.setAttribute('alt', text);
    applied.push({ img, text, previousAlt: alt });
    return 'alt';
  }
  sequence += 1;
  const note = doc.createElement('div');
  note.id = `loupe-description-${sequence}`;
  note.textContent = text;
  descriptionsContainer(doc).append(note);
  const existing = img.getAttribute('aria-describedby');
  img.setAttribute('aria-describedby', existing ? `${existing} ${note.id}` : note.id);
  applied.push({ img, text, previousAlt: alt, noteId: note.id });
  return 'describedby';
}

/** Every image described on this page so far (runs add up: images that load late get their own run). */
export function describedSoFar(): AccessibleImage[] {
  return applied.map(({ img, text, noteId }) => ({ srcUrl: img.currentSrc || img.src, text, applied: noteId ? 'describedby' : 'alt' }));
}

/** Puts back the page's own alt and aria-describedby on every image Loupe described. */
export function removeDescriptions(doc: Document): void {
  for (const { img, text, previousAlt, noteId } of applied.splice(0)) {
    described.delete(img);
    if (noteId) {
      const ids = (img.getAttribute('aria-describedby') ?? '').split(/\s+/u).filter((id) => id && id !== noteId);
      if (ids.length > 0) img.setAttribute('aria-describedby', ids.join(' '));
      else img.removeAttribute('aria-describedby');
    } else if (img.getAttribute('alt') === text) {
      if (previousAlt === null) img.removeAttribute('alt');
      else img.setAttribute('alt', previousAlt);
    }
  }
  doc.querySelector(`[${CONTAINER_ATTRIBUTE}]`)?.remove();
}

/** Describes (through the background) and exposes each image that needs it; returns what was done. */
export async function describePageImages(
  doc: Document,
  describe: (srcUrl: string, context: ImageDescription['context']) => Promise<ImageDescription>,
): Promise<AccessibleImage[]> {
  const done: AccessibleImage[] = [];
  for (const img of imagesNeedingDescription(doc)) {
    const srcUrl = img.currentSrc || img.src;
    try {
      const text = accessibleDescription(await describe(srcUrl, captureImageContext(img, srcUrl)));
      if (!text) continue;
      done.push({ srcUrl, text, applied: applyDescription(doc, img, text) });
    } catch (error) {
      console.warn(`Loupe: could not describe ${srcUrl}`, error);
    }
  }
  return done;
}
