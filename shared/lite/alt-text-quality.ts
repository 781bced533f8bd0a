/** What an image's alt text tells a reader: nothing at all, nothing useful, or something. */
export type AltQuality = 'missing' | 'useless' | 'useful';

/** Words that stand for "an image" without saying which: "image", "hero image", "photo 3". */
const PLACEHOLDER_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'image',
  'images',
  'img',
  'photo',
  'photos',
  'photograph',
  'picture',
  'pic',
  'graphic',
  'icon',
  'logo',
  'banner',
  'thumbnail',
  'thumb',
  'placeholder',
  'spacer',
  'untitled',
  'null',
  'undefined',
  'alt',
  'default',
  'featured',
  'hero',
  'header',
  'cover',
  'stock',
  'blank',
  'dummy',
  'file',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
]);

/** A file name standing in for alt text: "harbor.png", "IMG 0042.JPG". */
const FILE_NAME = /^[\w .-]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$/iu;
/** Camera and screenshot names: "IMG_1234", "DSC01234", "PXL_20240301", "Screenshot 2024-03-01". */
const CAMERA_NAME = /^(?:img|dsc|dscn|dcim|pxl|image|photo|screenshot|screen shot)[\s_-]*\d/iu;
/** Content hashes and generated ids: "a3f9c2e1b7", "5f2b-88c1-04de". */
const HASH = /^[0-9a-f_-]{8,}$/iu;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The file name without its extension, as words ("harbor-point.png" → "harbor point"). */
function stemWords(filename: string): string {
  return words(filename.replace(/\.[^.]+$/u, '')).join(' ');
}

/**
 * True when text standing for an image tells a reader nothing about it: placeholder words
 * only ("image", "Hero image 2"), a file or camera name, a hash, punctuation and digits, or the
 * image's own file name (`filename`) in other words.
 */
export function isUselessImageText(text: string, filename = ''): boolean {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (!/[\p{L}]/u.test(flat)) return true;
  if (FILE_NAME.test(flat) || CAMERA_NAME.test(flat) || HASH.test(flat)) return true;
  const said = words(flat);
  if (said.every((word) => PLACEHOLDER_WORDS.has(word) || /^\d+$/u.test(word))) return true;
  const stem = stemWords(filename);
  return stem !== '' && said.join(' ') === stem;
}

/**
 * Whether an image's alt text (null when the attribute is absent) serves a screen-reader user:
 * `missing` when empty, `useless` when {@link isUselessImageText}, else `useful`.
 */
export function altTextQuality(alt: string | null | undefined, filename = ''): AltQuality {
  const text = (alt ?? '').trim();
  if (!text) return 'missing';
  return isUselessImageText(text, filename) ? 'useless' : 'useful';
}
