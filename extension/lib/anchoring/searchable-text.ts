/** Characters that carry no text: whitespace, soft hyphens, zero-width joiners and spaces. */
const IGNORED = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/u;

/**
 * A text with whitespace and invisible characters squeezed out, and where each remaining
 * character sat in the original. Pages re-render with different whitespace (and Readability
 * rewrites it), so quotes are compared in this form.
 */
export interface SearchableText {
  readonly text: string;
  readonly chars: string;
  /** `offsets[i]` is where `chars[i]` sits in `text`. */
  readonly offsets: readonly number[];
}

export function squeeze(text: string, from = 0, to = text.length): SearchableText {
  let chars = '';
  const offsets: number[] = [];
  for (let i = from; i < to; i += 1) {
    const ch = text[i]!;
    if (IGNORED.test(ch)) continue;
    chars += ch;
    offsets.push(i);
  }
  return { text, chars, offsets };
}

/** `text` without whitespace or invisible characters. */
export function squeezed(text: string): string {
  return squeeze(text).chars;
}
