import { z } from 'zod';
import { AnalysisSchema, ImageDescriptionSchema, TextTaskSchema } from '../../shared/protocol/results';
import { WireErrorSchema } from '../../shared/protocol/errors';

export const CaptureScopeSchema = z.enum(['article', 'selection']);
export type CaptureScope = z.infer<typeof CaptureScopeSchema>;

/** What Loupe knows about one tab, kept by the background and shown by the side panel. */
export const TabStateSchema = z.strictObject({
  tabId: z.number().int(),
  status: z.enum(['idle', 'working', 'done', 'error']),
  scope: CaptureScopeSchema.optional(),
  tasks: z.array(TextTaskSchema).optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  analysis: AnalysisSchema.optional(),
  error: WireErrorSchema.optional(),
  /** The last image captioned in this tab. */
  image: z.strictObject({ srcUrl: z.string(), description: ImageDescriptionSchema }).optional(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** Key under which a tab's state is mirrored in `storage.session` for the side panel. */
export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

export const DAEMON_STATE_KEY = 'daemon';
