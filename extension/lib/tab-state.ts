import { z } from 'zod';
import { AnalysisSchema, TextTaskSchema } from '../../shared/protocol/results';
import { WireErrorSchema } from '../../shared/protocol/errors';

export const CaptureScopeSchema = z.enum(['article', 'selection']);
export type CaptureScope = z.infer<typeof CaptureScopeSchema>;

export const AnnotationKindSchema = z.enum(['summary', 'entity', 'bias']);
export type AnnotationKind = z.infer<typeof AnnotationKindSchema>;

/** An annotation whose words the page no longer shows (offsets into the analysed text). */
export const OrphanSchema = z.strictObject({
  kind: AnnotationKindSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Orphan = z.infer<typeof OrphanSchema>;

/** How the in-page marks are doing: placed, never found, lost after a re-render. */
export const HighlightStatusSchema = z.strictObject({
  highlighted: z.number().int().nonnegative(),
  /** Spans never found in the live page (hidden text, or text Readability rewrote). */
  unmapped: z.number().int().nonnegative(),
  /** Times the page re-rendered and Loupe moved its marks to follow the words. */
  reanchored: z.number().int().nonnegative().default(0),
  orphaned: z.array(OrphanSchema).max(500).default([]),
});
export type HighlightStatus = z.infer<typeof HighlightStatusSchema>;

/** Long tasks (> 50 ms) seen on the page's main thread while Loupe annotated it. */
export const PageMetricsSchema = z.strictObject({
  /** False where the browser has no 'longtask' entries (Firefox): the counts then mean nothing. */
  supported: z.boolean(),
  longTasks: z.number().int().nonnegative(),
  maxLongTaskMs: z.number().nonnegative(),
  /** Milliseconds the content script spent capturing, mapping and highlighting, in slices. */
  contentWorkMs: z.number().nonnegative(),
});
export type PageMetrics = z.infer<typeof PageMetricsSchema>;

/** An image the accessibility mode described, and how the description was exposed. */
export const AccessibleImageSchema = z.strictObject({
  srcUrl: z.string(),
  text: z.string(),
  /** `alt`: the author left none, Loupe set it; `describedby`: kept the author's alt, added a description. */
  applied: z.enum(['alt', 'describedby']),
});
export type AccessibleImage = z.infer<typeof AccessibleImageSchema>;

/** What Loupe knows about one tab, kept by the background and shown by the side panel. */
export const TabStateSchema = z.strictObject({
  tabId: z.number().int(),
  status: z.enum(['idle', 'working', 'done', 'error']),
  scope: CaptureScopeSchema.optional(),
  tasks: z.array(TextTaskSchema).optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  /** While working on a long page: the results so far (offsets index the whole text). */
  analysis: AnalysisSchema.optional(),
  /** Chunks analysed so far out of the total, while a long page streams in. */
  progress: z.strictObject({ completed: z.number().int().nonnegative(), total: z.number().int().positive() }).optional(),
  /** Things the user should know about the capture (iframes skipped...). */
  notes: z.array(z.string()).optional(),
  highlights: HighlightStatusSchema.optional(),
  metrics: PageMetricsSchema.optional(),
  error: WireErrorSchema.optional(),
  /** Images the accessibility mode described on this page. */
  accessibleImages: z.array(AccessibleImageSchema).optional(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** Key under which a tab's state is mirrored in `storage.session` for the side panel. */
export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

export const DAEMON_STATE_KEY = 'daemon';
