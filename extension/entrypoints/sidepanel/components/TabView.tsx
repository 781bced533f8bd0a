import { useState } from 'preact/hooks';
import type { Analysis, Span } from '../../../../shared/protocol/results';
import type { Dismissals } from '../../../lib/dismissals';
import type { TabState } from '../../../lib/tab-state';
import { AccessibleImagesSection } from './AccessibleImagesSection';
import { BiasSection } from './BiasSection';
import { EntitiesSection } from './EntitiesSection';
import { ExportButtons } from './ExportButtons';
import { OrphansNote } from './OrphansNote';
import { PageNotices } from './PageNotices';
import { panelNotes } from './panel-notes';
import { SummarySection } from './SummarySection';

/** Which engines and tiers produced what is shown, e.g. "browser · lite". */
function engines(analysis: Analysis): string {
  const labels = [analysis.summary, analysis.entities, analysis.bias].flatMap((s) =>
    s ? [`${s.provenance.engine} · ${s.provenance.tier}`] : [],
  );
  return [...new Set(labels)].join(', ');
}

interface TabViewProps {
  tab: TabState | undefined;
  site: string | undefined;
  dismissals: Dismissals;
  canAnnotate: boolean;
  /** How the reader triggers an annotation from the keyboard ("Alt+Shift+L"), if bound. */
  shortcut: string | undefined;
  onAnnotate(): void;
  onFocus(span: Span): void;
}

function Status({ tab, shortcut }: { tab: TabState | undefined; shortcut: string | undefined }) {
  if (tab?.status === 'idle') {
    return (
      <p class="muted">
        Press the button{shortcut ? ` (or ${shortcut})` : ''} to summarise this page, list who and what it mentions, and flag loaded
        wording.
      </p>
    );
  }
  if (tab?.status === 'working') {
    return (
      <p class="muted" role="status">
        {tab.progress ? `Analysing… part ${tab.progress.completed} of ${tab.progress.total}` : 'Analysing…'}
        {tab.progress && <progress max={tab.progress.total} value={tab.progress.completed} />}
      </p>
    );
  }
  if (tab?.status === 'error' && tab.error)
    return (
      <p class="error" role="alert">
        {tab.error.message}
      </p>
    );
  return null;
}

/** What Loupe knows about the tab: the button, progress, and the results section by section. */
export function TabView({ tab, site, dismissals, canAnnotate, shortcut, onAnnotate, onFocus }: TabViewProps) {
  const [query, setQuery] = useState('');
  // Partial results show while a long page streams in.
  const analysis = tab?.status === 'done' || tab?.status === 'working' ? tab.analysis : undefined;
  const notes = analysis ? panelNotes(analysis) : { withheld: [], page: [], sections: {} };
  return (
    <>
      <button type="button" class="primary" disabled={!canAnnotate || tab?.status === 'working'} onClick={onAnnotate}>
        {tab?.status === 'working' ? 'Reading the page…' : 'Annotate this page'}
      </button>
      {tab?.title && (
        <p class="page-title" title={tab.url}>
          {tab.scope === 'selection' ? 'Selection on ' : ''}
          {tab.title}
        </p>
      )}
      {analysis && (
        <p class="engines" data-role="engines">
          <span class="badge">{engines(analysis)}</span>
        </p>
      )}
      <Status tab={tab} shortcut={shortcut} />
      <PageNotices notes={notes} tabNotes={tab?.notes ?? []} />
      {tab?.highlights && <OrphansNote highlights={tab.highlights} />}
      {analysis && (
        <input
          class="filter"
          type="search"
          placeholder="Filter key points, names and flags"
          aria-label="Filter key points, names and flags"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      )}
      {analysis?.summary && <SummarySection summary={analysis.summary} query={query} note={notes.sections.summary} onFocus={onFocus} />}
      {analysis?.entities && (
        <EntitiesSection entities={analysis.entities} query={query} note={notes.sections.entities} onFocus={onFocus} />
      )}
      {analysis?.bias && (
        <BiasSection bias={analysis.bias} site={site} dismissals={dismissals} query={query} note={notes.sections.bias} onFocus={onFocus} />
      )}
      {tab?.accessibleImages && tab.accessibleImages.length > 0 && <AccessibleImagesSection images={tab.accessibleImages} />}
      {tab?.status === 'done' && tab.analysis && <ExportButtons state={tab} dismissals={dismissals} />}
    </>
  );
}
