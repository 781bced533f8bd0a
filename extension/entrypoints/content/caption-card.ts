import { h, render } from 'preact';
import type { CaptionCardRequest } from '../../lib/messaging/content-protocol';
import { CaptionCard } from './CaptionCard';
import { altTextQuality } from '../../../shared/lite/alt-text-quality';
import { imageFilename } from './image-context';
import { LOUPE_UI_ATTRIBUTE } from './visible-text-nodes';

const CARD_STYLES = `
:host { all: initial; }
.card { font: 13px/1.45 system-ui, sans-serif; color: #1d1d1f; background: #fff; border: 1px solid #c9c9cf;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 10px 12px; width: 320px; max-width: 90vw; }
header { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.badge { font-size: 11px; color: #444; background: #eef; border-radius: 4px; padding: 1px 6px; }
.close { margin-left: auto; border: 0; background: none; font-size: 18px; cursor: pointer; }
h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #666; margin: 8px 0 2px; }
dl { margin: 0; } dt { font-weight: 600; margin-top: 4px; } dd { margin: 0 0 0 0; }
.muted, .note { color: #666; } .error { color: #a00; }
button { font: inherit; cursor: pointer; }
`;

export const CARD_HOST_ATTRIBUTE = 'data-loupe-card';

/**
 * Shows the in-page card next to the image, in a shadow root so page CSS cannot restyle it.
 * The root is open so tests (and assistive tech) can read it; it holds nothing secret.
 */
let closeOpenCard: (() => void) | undefined;

/** Closes the card if one is open (Loupe was switched off for the site, say). */
export function closeCaptionCard(): void {
  closeOpenCard?.();
}

export function showCaptionCard(doc: Document, img: HTMLImageElement | null, request: CaptionCardRequest): void {
  closeCaptionCard();
  doc.querySelector(`[${CARD_HOST_ATTRIBUTE}]`)?.remove();
  const host = doc.createElement('div');
  host.setAttribute(CARD_HOST_ATTRIBUTE, '');
  host.setAttribute(LOUPE_UI_ATTRIBUTE, '');
  const rect = img?.getBoundingClientRect();
  const top = (rect ? rect.bottom : 16) + (doc.defaultView?.scrollY ?? 0) + 6;
  const left = Math.max(8, (rect ? rect.left : 16) + (doc.defaultView?.scrollX ?? 0));
  host.style.cssText = `position:absolute;top:${top}px;left:${left}px;z-index:2147483647;`;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CARD_STYLES;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.body.append(host);

  const close = () => {
    render(null, mount);
    host.remove();
    doc.removeEventListener('keydown', onKey, true);
    if (closeOpenCard === close) closeOpenCard = undefined;
  };
  closeOpenCard = close;
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  doc.addEventListener('keydown', onKey, true);
  const alt = altTextQuality(img?.getAttribute('alt') ?? null, imageFilename(request.srcUrl));
  render(h(CaptionCard, { description: request.description, error: request.error, alt, onClose: close }), mount);
}
