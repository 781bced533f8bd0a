import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { annotateShortcut } from '../../lib/annotate-shortcut';
import type { Span } from '../../../shared/protocol/results';
import { backgroundMessenger } from '../../lib/messaging/background-protocol';
import { contentMessenger } from '../../lib/messaging/content-protocol';
import { DaemonStatus } from './components/DaemonStatus';
import { SiteControls } from './components/SiteControls';
import { TabView } from './components/TabView';
import { useActiveTabId, useDaemonState, useTabState } from './use-session-state';
import { useSite } from './use-site';

export function App() {
  const tabId = useActiveTabId();
  const tab = useTabState(tabId);
  const daemon = useDaemonState();
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    void annotateShortcut(browser.commands)
      .then(setShortcut)
      .catch(() => undefined);
  }, []);
  const { site, settings, dismissals } = useSite(tabId, tab?.url);
  const annotate = () => {
    if (tabId !== undefined) void backgroundMessenger.sendMessage('annotateTab', { tabId });
  };
  const focus = (span: Span) => {
    if (tabId !== undefined)
      void contentMessenger.sendMessage('focusSpan', { start: span.start, end: span.end }, tabId).catch(() => undefined);
  };
  return (
    <main>
      <header class="top">
        <h1>Loupe</h1>
        <DaemonStatus state={daemon} onOpenOptions={() => void browser.runtime.openOptionsPage()} />
      </header>
      <SiteControls site={site} settings={settings} />
      {site && !settings.enabled ? (
        <p class="off-notice" data-role="site-off">
          Loupe is off for this site ({site}): it does not read, mark or describe its pages. Tick “Loupe on this site” above to turn it back
          on.
        </p>
      ) : (
        <TabView
          tab={tab}
          site={site}
          dismissals={dismissals}
          canAnnotate={tabId !== undefined}
          shortcut={shortcut}
          onAnnotate={annotate}
          onFocus={focus}
        />
      )}
    </main>
  );
}
