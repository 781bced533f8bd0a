import type { ImageDescription } from '../../shared/protocol/results';

const MAX_CHARS = 400;

function clip(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= MAX_CHARS ? flat : `${flat.slice(0, MAX_CHARS - 1)}…`;
}

const CONTEXT_LABELS = { figcaption: 'Figure caption', title: 'Title', nearby: 'Page text near it' } as const;

/** "Label: text", without the text's closing punctuation, so parts join as sentences. */
function part(label: string, text: string): string {
  return `${label}: ${clip(text).replace(/[\s.,;:]+$/u, '')}`;
}

/**
 * What a screen reader hears for an image Loupe described, or undefined when Loupe knows
 * nothing worth saying. It says it comes from Loupe and labels each part by where it came
 * from (a generated caption, the page around the image, text read from the picture), so
 * nobody mistakes page context for a look at the pixels, nor the reverse. The page's useless
 * alt and the file name are never repeated back.
 */
export function accessibleDescription(description: ImageDescription): string | undefined {
  const parts: string[] = [];
  if (description.caption) parts.push(part('Generated caption', description.caption));
  const context = (['figcaption', 'title', 'nearby'] as const)
    .map((source) => ({ source, text: description.context.find((c) => c.source === source)?.text }))
    .find((c) => c.text);
  if (!description.caption && context?.text) parts.push(part(CONTEXT_LABELS[context.source], context.text));
  const ocr = description.ocrText?.trim();
  if (ocr) parts.push(part('Text read from the image', ocr));
  if (parts.length === 0) return undefined;
  // Only when nothing came from the picture itself does Loupe say so.
  const fromPageOnly = !description.caption && !ocr;
  return `Image described by Loupe${fromPageOnly ? ' from the page, not the picture' : ''} — ${parts.join('. ')}.`;
}
