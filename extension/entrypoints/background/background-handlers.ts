import { backgroundMessenger, NoPayloadSchema, TabRequestSchema } from '../../lib/messaging/background-protocol';
import { validated } from '../../lib/messaging/validated';
import type { DaemonState } from '../../lib/daemon-state';
import type { TabState } from '../../lib/tab-state';
import type { DaemonClient } from './daemon-client';
import type { TabResults } from './tab-results';

export interface HandlerDeps {
  annotate(tabId: number): Promise<TabState>;
  results: TabResults;
  daemon: Pick<DaemonClient, 'state' | 'reconnectNow'>;
}

/** Answers the side panel and the options page. */
export function registerBackgroundHandlers(deps: HandlerDeps): void {
  backgroundMessenger.onMessage('annotateTab', validated(TabRequestSchema, ({ tabId }) => deps.annotate(tabId)));
  backgroundMessenger.onMessage('getTabState', validated(TabRequestSchema, ({ tabId }) => deps.results.get(tabId)));
  backgroundMessenger.onMessage('getDaemonState', validated(NoPayloadSchema, (): DaemonState => deps.daemon.state()));
  backgroundMessenger.onMessage('testConnection', validated(NoPayloadSchema, () => deps.daemon.reconnectNow()));
}
