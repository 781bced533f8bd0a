import { z } from 'zod';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { PageHintsSchema } from '../../../shared/protocol/page-hints';
import { BiasFlagSchema, EntitySchema, ImageDescriptionSchema, SummarySentenceSchema } from '../../../shared/protocol/results';
import { AccessibleImageSchema, CaptureScopeSchema, PageMetricsSchema, type AccessibleImage, type PageMetrics } from '../tab-state';

export const CaptureRequestSchema = z.strictObject({ scope: CaptureScopeSchema });
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;

/** Names one capture the content script holds: results for it are spans into its text. */
export const CaptureIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/u, 'capture ids are 1-64 characters of A-Z a-z 0-9 -');
export type CaptureId = z.infer<typeof CaptureIdSchema>;

export const CapturedTextSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    /** The content script keeps the text and its map to the page under this id. */
    captureId: CaptureIdSchema,
    /** Sent once, to be analysed; what comes back is spans into it. */
    text: z.string().min(1),
    title: z.string(),
    url: z.string(),
    /** What the capture left out that the user should know about (iframes...). */
    notes: z.array(z.string()).optional(),
    /** What the page says about itself and its block roles, sent along with the text to analyse. */
    page: PageHintsSchema.optional(),
  }),
  z.strictObject({ ok: z.literal(false), reason: z.string() }),
]);
export type CapturedText = z.infer<typeof CapturedTextSchema>;

/** Spans to mark in a capture: each chunk's entities and flags as they land, then the key points. */
export const SpanDeltaSchema = z.strictObject({
  summary: z.array(SummarySentenceSchema).optional(),
  entities: z.array(EntitySchema).optional(),
  bias: z.array(BiasFlagSchema).optional(),
});
export type SpanDelta = z.infer<typeof SpanDeltaSchema>;

/** New spans for capture `captureId`, offsets into its text; a capture that was replaced ignores them. */
export const ShowAnnotationsRequestSchema = z.strictObject({ captureId: CaptureIdSchema, spans: SpanDeltaSchema });
export type ShowAnnotationsRequest = z.infer<typeof ShowAnnotationsRequestSchema>;

/** The text of the page's current capture (for exports that quote it); null when there is none. */
export const CapturedTextReplySchema = z.string().nullable();

export const HighlightReportSchema = z.strictObject({
  highlighted: z.number().int().nonnegative(),
  /** Spans whose text could not be found in the live page (it changed, or the text is hidden). */
  unmapped: z.number().int().nonnegative(),
  /** Long tasks on the page since the capture began. */
  metrics: PageMetricsSchema.optional(),
});
export type HighlightReport = z.infer<typeof HighlightReportSchema>;

export const FocusSpanRequestSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type FocusSpanRequest = z.infer<typeof FocusSpanRequestSchema>;

export const ImageRequestSchema = z.strictObject({ srcUrl: z.string().min(1) });
export type ImageRequest = z.infer<typeof ImageRequestSchema>;

export const ImageContextSchema = ImageDescriptionSchema.shape.context;
export type ImageContext = z.infer<typeof ImageContextSchema>;

export const CaptionCardRequestSchema = z.strictObject({
  srcUrl: z.string().min(1),
  description: ImageDescriptionSchema.optional(),
  /** Shown instead of a description when captioning failed. */
  error: z.string().optional(),
});
export type CaptionCardRequest = z.infer<typeof CaptionCardRequestSchema>;

/** Messages a tab's content script receives (from the background and the side panel). */
export interface ContentProtocol {
  capturePage(req: CaptureRequest): CapturedText;
  showAnnotations(req: ShowAnnotationsRequest): HighlightReport;
  /** The text of the current capture, which only the content script keeps. */
  capturedText(): string | null;
  /** Scrolls the span into view and marks it; false when it is not on the page. */
  focusSpan(req: FocusSpanRequest): boolean;
  clearAnnotations(): void;
  /** Context around the image last right-clicked (or the first image with this src). */
  imageContext(req: ImageRequest): ImageContext;
  showCaptionCard(req: CaptionCardRequest): void;
  /** Long tasks seen on the page during the last annotation. */
  pageMetrics(): PageMetrics;
  /** Accessibility mode: describe the page's images with missing or useless alt text now. */
  describeImages(): AccessibleImage[];
}

export const AccessibleImagesSchema = z.array(AccessibleImageSchema);

export const contentMessenger = defineExtensionMessaging<ContentProtocol>();
