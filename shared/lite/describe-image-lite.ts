import type { ImageDescription, Provenance } from '../protocol/results';

type ImageContext = ImageDescription['context'];

/** Alt or title text that says nothing: "image", "photo", "IMG_1234.jpg", "hero-banner.png". */
const USELESS_TEXT = [
  /^(?:an?\s)?(?:image|img|photo|photograph|picture|pic|graphic|icon|logo|banner|thumbnail|placeholder|spacer|untitled|null|undefined|alt|default)(?:[\s_-]*\d+)?$/iu,
  /^(?:img|dsc|dscn|pxl|image|photo|screenshot)[\s_-]*\d+/iu,
  /^[0-9a-f_-]{8,}$/iu,
  /^[\W\d_]*$/u,
];

/** A file name standing in for alt text is useless; a `filename` entry is judged by its stem. */
const FILE_NAME = /^[\w.-]+\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$/iu;

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
export function describeImageLite(
  context: ImageContext,
  ocrText?: string,
  options: DescribeImageLiteOptions = {},
): ImageDescription {
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
  const seen = new Set<string>();
  const kept: ImageContext = [];
  for (const entry of context) {
    const text = entry.text.replace(/\s+/gu, ' ').trim();
    const key = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (key === '' || seen.has(key)) continue;
    if (isUseless(entry.source, text)) continue;
    seen.add(key);
    kept.push({ source: entry.source, text });
  }
  return kept;
}

function isUseless(source: ImageContext[number]['source'], text: string): boolean {
  if (source !== 'filename' && FILE_NAME.test(text)) return true;
  const stem = source === 'filename' ? text.replace(FILE_NAME, (name) => name.replace(/\.[^.]+$/u, '')) : text;
  return USELESS_TEXT.some((pattern) => pattern.test(stem));
}
