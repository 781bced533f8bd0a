import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BIAS_CATEGORY_LEGEND } from '../../../../shared/lite/bias-category-legend';
import { BIAS_CATEGORIES, type Bias, type BiasCategory, type BiasFlag, type Span } from '../../../../shared/protocol/results';
import { clearDismissals, dismissCategory, dismissFlag, isDismissed, type Dismissals } from '../../../lib/dismissals';
import { ProvenanceBadge } from './ProvenanceBadge';

const label = (category: BiasCategory) => BIAS_CATEGORY_LEGEND[category].label;

/** Flags grouped by category, alerts before quiet hints, each group in the order of BIAS_CATEGORIES. */
function byCategory(flags: readonly BiasFlag[]): Array<[BiasCategory, BiasFlag[]]> {
  const groups = new Map<BiasCategory, BiasFlag[]>();
  for (const flag of flags) groups.set(flag.category, [...(groups.get(flag.category) ?? []), flag]);
  const rank = (c: BiasCategory) => (BIAS_CATEGORY_LEGEND[c].severity === 'quiet' ? 100 : 0) + BIAS_CATEGORIES.indexOf(c);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b));
}

interface BiasSectionProps {
  bias: Bias;
  site: string | undefined;
  dismissals: Dismissals;
  onFocus(span: Span): void;
}

export function BiasSection({ bias, site, dismissals, onFocus }: BiasSectionProps) {
  const [filter, setFilter] = useState<BiasCategory | 'all'>('all');
  const visible = bias.flags.filter((f) => !isDismissed(dismissals, f));
  const hidden = bias.flags.length - visible.length;
  const groups = byCategory(visible).filter(([category]) => filter === 'all' || category === filter);
  const local = browser.storage.local;
  return (
    <section aria-labelledby="bias-h">
      <h2 id="bias-h">Wording to check</h2>
      <ProvenanceBadge provenance={bias.provenance} />
      {visible.length > 0 && (
        <label class="filter">Show{' '}
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as BiasCategory | 'all')}>
            <option value="all">all categories</option>
            {byCategory(visible).map(([c, flags]) => <option key={c} value={c}>{`${label(c)} (${flags.length})`}</option>)}
          </select>
        </label>
      )}
      {bias.withheld && <p class="notice" data-role="withheld">{bias.withheld.message}</p>}
      {visible.length === 0 && !bias.withheld && <p class="muted">No loaded or misleading wording flagged.</p>}
      {groups.map(([category, flags]) => (
        <div key={category} class={`bias-group ${BIAS_CATEGORY_LEGEND[category].severity}`} data-category={category}>
          <h3>{label(category)} <span class="count">{flags.length}</span>
            {site && <button class="link small" onClick={() => void dismissCategory(local, site, category)} title={`Hide every "${label(category)}" flag on ${site}`}>hide on this site</button>}
          </h3>
          <p class="legend" data-role="legend">{BIAS_CATEGORY_LEGEND[category].legend}</p>
          <ul class="flags">
            {flags.map((flag) => (
              <li key={`${flag.start}:${flag.category}`}>
                <button class="item" onClick={() => onFocus(flag)} title="Show in the page"><q>{flag.text}</q></button>
                <p class="explanation">{flag.explanation}</p>
                <p class="cues">Triggered by: {flag.cues.map((c) => <mark key={c.start}>{c.text}</mark>)}</p>
                {flag.suggestion && <p class="suggestion">Neutral wording: {flag.suggestion}</p>}
                {site && <button class="link small" data-role="dismiss" onClick={() => void dismissFlag(local, site, flag)}>Dismiss</button>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {hidden > 0 && site && (
        <p class="muted">{hidden} dismissed on this site. <button class="link" onClick={() => void clearDismissals(local, site)}>Show them again</button></p>
      )}
    </section>
  );
}
