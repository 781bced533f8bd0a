import type { ImageDescription, Provenance } from '../protocol/results';
import { isUselessImageText } from './alt-text-quality';

type ImageContext = ImageDescription['context'];

/** Options of {@link describeImageLite}. */
export interface DescribeImageLiteOptions {
  /** Who is running this, shown in provenance (default `browser`). */
  engine?: Provenance['engine'];
  /** Overrides of the provenance, e.g. the OCR model id or a fallback note. */
  provenance?: Partial<Provenance>;
}

/**
 * What the lite tier can say about an image without a captioning model: its own context
 * (alt, figcaption, title, nearby text), cleaned of empty, duplicate and useless entries
 * ("image", "IMG_1234.jpg"), and any OCR text. It never writes a `caption`: lite cannot.
 */
export function describeImageLite(context: ImageContext, ocrText?: string, options: DescribeImageLiteOptions = {}): ImageDescription {
  const ocr = ocrText?.replace(/\s+/gu, ' ').trim();
  const description: ImageDescription = {
    context: usefulContext(context),
    provenance: {
      engine: options.engine ?? 'browser',
      tier: 'lite',
      model: 'lite/image-context@1',
      backend: ocr ? 'cpu' : 'rules',
      ...options.provenance,
    },
  };
  if (ocr) description.ocrText = ocr;
  return description;
}

function usefulContext(context: ImageContext): ImageContext {
  const filename = context.find((entry) => entry.source === 'filename')?.text ?? '';
  const seen = new Set<string>();
  const kept: ImageContext = [];
  for (const entry of context) {
    const text = entry.text.replace(/\s+/gu, ' ').trim();
    const key = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (key === '' || seen.has(key)) continue;
    if (isUseless(entry.source, text, filename)) continue;
    seen.add(key);
    kept.push({ source: entry.source, text });
  }
  return kept;
}

/** The same rule as the accessibility mode's: a file name entry is judged by its stem. */
function isUseless(source: ImageContext[number]['source'], text: string, filename: string): boolean {
  if (source === 'filename') return isUselessImageText(text.replace(/\.[^.]+$/u, ''));
  return isUselessImageText(text, filename);
}
