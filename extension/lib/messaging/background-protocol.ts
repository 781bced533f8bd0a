import { z } from 'zod';
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DaemonState } from '../daemon-state';
import type { TabState } from '../tab-state';

export const TabRequestSchema = z.strictObject({ tabId: z.number().int().nonnegative() });
export type TabRequest = z.infer<typeof TabRequestSchema>;

export const NoPayloadSchema = z.undefined();

/** Messages the background receives (from the side panel and the options page). */
export interface BackgroundProtocol {
  /** Capture and analyse the tab's article; resolves with the tab's new state. */
  annotateTab(req: TabRequest): TabState;
  getTabState(req: TabRequest): TabState;
  getDaemonState(): DaemonState;
  /** Re-reads the pairing, reconnects now and resolves once connected or failed. */
  testConnection(): DaemonState;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
