import { z } from 'zod';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32;

/** W3C Web Annotation TextQuoteSelector: the words themselves plus what surrounds them. */
export const TextQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

/** W3C TextPositionSelector: offsets into the page's live text when the anchor was made. */
export const TextPositionSelectorSchema = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

/** How an annotation finds its words again after the page re-renders. */
export const TextAnchorSchema = z.strictObject({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});
export type TextAnchor = z.infer<typeof TextAnchorSchema>;

/** Describes `text[start, end)` by quote (with context on both sides) and by position. */
export function describeAnchor(text: string, start: number, end: number, context = CONTEXT_CHARS): TextAnchor {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - context), start),
      suffix: text.slice(end, end + context),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
