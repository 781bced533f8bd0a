import { browser } from 'wxt/browser';
import type { Analysis, Span } from '../../../shared/protocol/results';
import { backgroundMessenger } from '../../lib/messaging/background-protocol';
import { contentMessenger } from '../../lib/messaging/content-protocol';
import { AccessibleImagesSection } from './components/AccessibleImagesSection';
import { BiasSection } from './components/BiasSection';
import { DaemonStatus } from './components/DaemonStatus';
import { EntitiesSection } from './components/EntitiesSection';
import { ExportButtons } from './components/ExportButtons';
import { ImageSection } from './components/ImageSection';
import { LanguageNotice } from './components/LanguageNotice';
import { OrphansNote } from './components/OrphansNote';
import { SiteControls } from './components/SiteControls';
import { SummarySection } from './components/SummarySection';
import { useActiveTabId, useDaemonState, useTabState } from './use-session-state';
import { useSite } from './use-site';

/** Which engines and tiers produced what is shown, e.g. "browser · lite". */
function engines(analysis: Analysis): string {
  const labels = [analysis.summary, analysis.entities, analysis.bias].flatMap((s) => (s ? [`${s.provenance.engine} · ${s.provenance.tier}`] : []));
  return [...new Set(labels)].join(', ');
}

export function App() {
  const tabId = useActiveTabId();
  const tab = useTabState(tabId);
  const daemon = useDaemonState();
  const { site, settings, dismissals } = useSite(tabId, tab?.url);
  const annotate = () => { if (tabId !== undefined) void backgroundMessenger.sendMessage('annotateTab', { tabId }); };
  const focus = (span: Span) => {
    if (tabId !== undefined) void contentMessenger.sendMessage('focusSpan', { start: span.start, end: span.end }, tabId).catch(() => undefined);
  };
  // Partial results show while a long page streams in.
  const analysis = tab?.status === 'done' || tab?.status === 'working' ? tab.analysis : undefined;
  return (
    <main>
      <header class="top">
        <h1>Loupe</h1>
        <DaemonStatus state={daemon} onOpenOptions={() => void browser.runtime.openOptionsPage()} />
      </header>
      <SiteControls site={site} settings={settings} />
      <button class="primary" disabled={tabId === undefined || tab?.status === 'working' || !settings.enabled} onClick={annotate}>
        {tab?.status === 'working' ? 'Reading the page…' : 'Annotate this page'}
      </button>
      {tab?.title && <p class="page-title" title={tab.url}>{tab.scope === 'selection' ? 'Selection on ' : ''}{tab.title}</p>}
      {analysis && <p class="engines" data-role="engines"><span class="badge">{engines(analysis)}</span></p>}
      {tab?.status === 'idle' && <p class="muted">Press the button (or Alt+Shift+L) to summarise this page, list who and what it mentions, and flag loaded wording.</p>}
      {tab?.status === 'working' && (
        <p class="muted" role="status">
          {tab.progress ? `Analysing… part ${tab.progress.completed} of ${tab.progress.total}` : 'Analysing…'}
          {tab.progress && <progress max={tab.progress.total} value={tab.progress.completed} />}
        </p>
      )}
      {tab?.status === 'error' && tab.error && <p class="error" role="alert">{tab.error.message}</p>}
      {tab?.notes?.map((note) => <p key={note} class="note" role="note">{note}</p>)}
      {tab?.highlights && <OrphansNote highlights={tab.highlights} />}
      <LanguageNotice page={analysis?.page} />
      {analysis?.summary && <SummarySection summary={analysis.summary} onFocus={focus} />}
      {analysis?.entities && <EntitiesSection entities={analysis.entities} onFocus={focus} />}
      {analysis?.bias && <BiasSection bias={analysis.bias} site={site} dismissals={dismissals} onFocus={focus} />}
      {tab?.accessibleImages && tab.accessibleImages.length > 0 && <AccessibleImagesSection images={tab.accessibleImages} />}
      {tab?.image && <ImageSection image={tab.image} />}
      {tab?.status === 'done' && tab.analysis && <ExportButtons state={tab} dismissals={dismissals} />}
    </main>
  );
}
