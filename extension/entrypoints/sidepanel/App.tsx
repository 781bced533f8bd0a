import { browser } from 'wxt/browser';
import type { Span } from '../../../shared/protocol/results';
import { backgroundMessenger } from '../../lib/messaging/background-protocol';
import { contentMessenger } from '../../lib/messaging/content-protocol';
import { BiasSection } from './components/BiasSection';
import { DaemonStatus } from './components/DaemonStatus';
import { EntitiesSection } from './components/EntitiesSection';
import { ImageSection } from './components/ImageSection';
import { SummarySection } from './components/SummarySection';
import { useActiveTabId, useDaemonState, useTabState } from './use-session-state';

export function App() {
  const tabId = useActiveTabId();
  const tab = useTabState(tabId);
  const daemon = useDaemonState();
  const annotate = () => { if (tabId !== undefined) void backgroundMessenger.sendMessage('annotateTab', { tabId }); };
  const focus = (span: Span) => {
    if (tabId !== undefined) void contentMessenger.sendMessage('focusSpan', { start: span.start, end: span.end }, tabId).catch(() => undefined);
  };
  const analysis = tab?.status === 'done' ? tab.analysis : undefined;
  return (
    <main>
      <header class="top">
        <h1>Loupe</h1>
        <DaemonStatus state={daemon} onOpenOptions={() => void browser.runtime.openOptionsPage()} />
      </header>
      <button class="primary" disabled={tabId === undefined || tab?.status === 'working'} onClick={annotate}>
        {tab?.status === 'working' ? 'Reading the page…' : 'Annotate this page'}
      </button>
      {tab?.title && <p class="page-title" title={tab.url}>{tab.scope === 'selection' ? 'Selection on ' : ''}{tab.title}</p>}
      {tab?.status === 'idle' && <p class="muted">Press the button (or Alt+Shift+L) to summarise this page, list who and what it mentions, and flag loaded wording.</p>}
      {tab?.status === 'working' && <p class="muted" role="status">Analysing…</p>}
      {tab?.status === 'error' && tab.error && <p class="error" role="alert">{tab.error.message}</p>}
      {analysis?.summary && <SummarySection summary={analysis.summary} onFocus={focus} />}
      {analysis?.entities && <EntitiesSection entities={analysis.entities} onFocus={focus} />}
      {analysis?.bias && <BiasSection bias={analysis.bias} onFocus={focus} />}
      {tab?.image && <ImageSection image={tab.image} />}
    </main>
  );
}
