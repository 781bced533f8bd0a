import {
  AccessibleImagesReportSchema,
  backgroundMessenger,
  HighlightStatusSchema,
  NoPayloadSchema,
  PageImageRequestSchema,
  TabRequestSchema,
  type PageImageRequest,
} from '../../lib/messaging/background-protocol';
import { validated } from '../../lib/messaging/validated';
import { LoupeError } from '../../../shared/protocol/errors';
import type { ImageDescription } from '../../../shared/protocol/results';
import type { DaemonState } from '../../lib/daemon-state';
import type { TabState } from '../../lib/tab-state';
import type { DaemonClient } from './daemon-client';
import type { HelperAnswer } from './native-pairing';
import type { TabResults } from './tab-results';

export interface HandlerDeps {
  annotate(tabId: number): Promise<TabState>;
  describePageImage(request: PageImageRequest): Promise<ImageDescription>;
  results: TabResults;
  daemon: Pick<DaemonClient, 'state' | 'reconnectNow'>;
  /** Asks the native-messaging pairing helper for the daemon's token now, and stores it. */
  pairNow(): Promise<HelperAnswer>;
}

/** The tab a content script's message came from; other senders have no business here. */
function senderTab(message: { sender?: { tab?: { id?: number } } }): number {
  const id = message.sender?.tab?.id;
  if (id === undefined || id < 0) throw new LoupeError('bad-input', 'This message is only accepted from a page’s content script.');
  return id;
}

/** Answers the side panel, the options page and the content scripts. */
export function registerBackgroundHandlers(deps: HandlerDeps): void {
  backgroundMessenger.onMessage(
    'annotateTab',
    validated(TabRequestSchema, ({ tabId }) => deps.annotate(tabId)),
  );
  backgroundMessenger.onMessage(
    'getTabState',
    validated(TabRequestSchema, ({ tabId }) => deps.results.get(tabId)),
  );
  backgroundMessenger.onMessage(
    'getDaemonState',
    validated(NoPayloadSchema, (): DaemonState => deps.daemon.state()),
  );
  backgroundMessenger.onMessage(
    'testConnection',
    validated(NoPayloadSchema, () => deps.daemon.reconnectNow()),
  );
  backgroundMessenger.onMessage(
    'pairWithHelper',
    validated(NoPayloadSchema, async () => {
      const answer = await deps.pairNow();
      if (!answer.ok) throw new LoupeError('unauthorized', answer.error);
      return deps.daemon.reconnectNow();
    }),
  );
  backgroundMessenger.onMessage(
    'reportHighlights',
    validated(HighlightStatusSchema, (highlights, message) => {
      deps.results.patch(senderTab(message), { highlights });
    }),
  );
  backgroundMessenger.onMessage(
    'describePageImage',
    validated(PageImageRequestSchema, (request, message) => {
      senderTab(message);
      return deps.describePageImage(request);
    }),
  );
  backgroundMessenger.onMessage(
    'reportAccessibleImages',
    validated(AccessibleImagesReportSchema, ({ images }, message) => {
      deps.results.patch(senderTab(message), { accessibleImages: images });
    }),
  );
}
