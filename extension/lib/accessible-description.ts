import type { ImageDescription } from '../../shared/protocol/results';

const MAX_CHARS = 400;

function clip(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= MAX_CHARS ? flat : `${flat.slice(0, MAX_CHARS - 1)}…`;
}

/**
 * What a screen reader hears for an image Loupe described, or undefined when Loupe knows
 * nothing worth saying. It says it comes from Loupe and, for the lite tier, that it is page
 * context rather than a look at the pixels, so nobody mistakes it for the author's alt text.
 * The page's useless alt and the file name are never repeated back.
 */
export function accessibleDescription(description: ImageDescription): string | undefined {
  const parts: string[] = [];
  if (description.caption) parts.push(clip(description.caption));
  const figcaption = description.context.find((c) => c.source === 'figcaption')?.text;
  const nearby = description.context.find((c) => c.source === 'nearby')?.text;
  const title = description.context.find((c) => c.source === 'title')?.text;
  const context = figcaption ?? title ?? nearby;
  if (!description.caption && context) parts.push(`near text: ${clip(context)}`);
  if (description.ocrText?.trim()) parts.push(`text in image: ${clip(description.ocrText)}`);
  if (parts.length === 0) return undefined;
  return `Image described by Loupe (${description.caption ? 'generated caption' : 'from the page, not the picture'}) — ${parts.join('; ')}`;
}
