import { z } from 'zod';
import { TextBlockSchema } from '../text/block-text';

/** What a page is for; bias flags and key points depend on it. */
export const PAGE_GENRES = ['article', 'review', 'fiction', 'recipe', 'product', 'documentation', 'other'] as const;
export const PageGenreSchema = z.enum(PAGE_GENRES);
export type PageGenre = z.infer<typeof PageGenreSchema>;

/**
 * What the capture knows about the page besides its text. Every field is optional: a pasted
 * text or a selection has none of them, and analysis falls back to reading the text alone.
 */
export const PageHintsSchema = z.strictObject({
  /** The page's title (`<title>` or the article's headline). */
  title: z.string().max(2_000).optional(),
  /** The language the page declares (`<html lang>`), as written there. */
  lang: z.string().max(35).optional(),
  /** schema.org types found in its structured data and its `og:type` (`Recipe`, `NewsArticle`, `product`...). */
  types: z.array(z.string().max(100)).max(64).optional(),
  /** The keywords and tags it gives itself (`<meta name="keywords">`, `article:tag`). */
  keywords: z.array(z.string().max(100)).max(64).optional(),
  /** Its non-prose blocks (headings, captions, list items...), offsets into the analysed text. */
  blocks: z.array(TextBlockSchema).max(200_000).optional(),
  /**
   * The genre, when the caller decided it over the whole page because it analyses the page in
   * parts (a part alone can look like something else).
   */
  genre: PageGenreSchema.optional(),
});
export type PageHints = z.infer<typeof PageHintsSchema>;

/** The hints for `text.slice(start, end)`: blocks cut to that range and shifted to it. */
export function sliceHints(hints: PageHints, start: number, end: number): PageHints {
  if (!hints.blocks) return hints;
  const blocks = hints.blocks
    .filter((block) => block.end > start && block.start < end)
    .map((block) => ({ start: Math.max(block.start, start) - start, end: Math.min(block.end, end) - start, role: block.role }));
  return { ...hints, blocks };
}
