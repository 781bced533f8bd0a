import type { Analysis, Span } from '../../../../shared/protocol/results';
import type { Dismissals } from '../../../lib/dismissals';
import type { TabState } from '../../../lib/tab-state';
import { AccessibleImagesSection } from './AccessibleImagesSection';
import { BiasSection } from './BiasSection';
import { EntitiesSection } from './EntitiesSection';
import { ExportButtons } from './ExportButtons';
import { OrphansNote } from './OrphansNote';
import { SummarySection } from './SummarySection';

/** Which engines and tiers produced what is shown, e.g. "browser · lite". */
function engines(analysis: Analysis): string {
  const labels = [analysis.summary, analysis.entities, analysis.bias].flatMap((s) => (s ? [`${s.provenance.engine} · ${s.provenance.tier}`] : []));
  return [...new Set(labels)].join(', ');
}

interface TabViewProps {
  tab: TabState | undefined;
  site: string | undefined;
  dismissals: Dismissals;
  canAnnotate: boolean;
  onAnnotate(): void;
  onFocus(span: Span): void;
}

/** What Loupe knows about the tab: the button, progress, and the results section by section. */
export function TabView({ tab, site, dismissals, canAnnotate, onAnnotate, onFocus }: TabViewProps) {
  // Partial results show while a long page streams in.
  const analysis = tab?.status === 'done' || tab?.status === 'working' ? tab.analysis : undefined;
  return (
    <>
      <button class="primary" disabled={!canAnnotate || tab?.status === 'working'} onClick={onAnnotate}>
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
      {analysis?.summary && <SummarySection summary={analysis.summary} onFocus={onFocus} />}
      {analysis?.entities && <EntitiesSection entities={analysis.entities} onFocus={onFocus} />}
      {analysis?.bias && <BiasSection bias={analysis.bias} site={site} dismissals={dismissals} onFocus={onFocus} />}
      {tab?.accessibleImages && tab.accessibleImages.length > 0 && <AccessibleImagesSection images={tab.accessibleImages} />}
      {tab?.status === 'done' && tab.analysis && <ExportButtons state={tab} dismissals={dismissals} />}
    </>
  );
}
