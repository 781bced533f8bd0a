import { z } from 'zod';
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DaemonState } from '../daemon-state';
import { ImageContextSchema } from './content-protocol';
import { AccessibleImageSchema, HighlightStatusSchema, type HighlightStatus, type TabState } from '../tab-state';
import type { ImageDescription } from '../../../shared/protocol/results';

export const TabRequestSchema = z.strictObject({ tabId: z.number().int().nonnegative() });
export type TabRequest = z.infer<typeof TabRequestSchema>;

export const NoPayloadSchema = z.undefined();

export const PageImageRequestSchema = z.strictObject({ srcUrl: z.string().min(1), context: ImageContextSchema });
export type PageImageRequest = z.infer<typeof PageImageRequestSchema>;

export const AccessibleImagesReportSchema = z.strictObject({ images: z.array(AccessibleImageSchema).max(200) });
export type AccessibleImagesReport = z.infer<typeof AccessibleImagesReportSchema>;

export { HighlightStatusSchema };

/** Messages the background receives (from the side panel and the options page). */
export interface BackgroundProtocol {
  /** Capture and analyse the tab's article; resolves with the tab's new state. */
  annotateTab(req: TabRequest): TabState;
  getTabState(req: TabRequest): TabState;
  getDaemonState(): DaemonState;
  /** Re-reads the pairing, reconnects now and resolves once connected or failed. */
  testConnection(): DaemonState;
  /** Options → "Pair with the daemon": fetch the token through the pairing helper, then connect. */
  pairWithHelper(): DaemonState;
  /** From a content script: its marks after the page re-rendered (re-anchored, orphaned). */
  reportHighlights(req: HighlightStatus): void;
  /** From a content script in accessibility mode: describe one image of its page. */
  describePageImage(req: PageImageRequest): ImageDescription;
  /** From a content script: the images it described and how it exposed the descriptions. */
  reportAccessibleImages(req: AccessibleImagesReport): void;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
