import type { Bias, BiasCategory, BiasFlag, Span } from '../../../../shared/protocol/results';
import { ProvenanceBadge } from './ProvenanceBadge';

const CATEGORY_LABELS: Record<BiasCategory, string> = {
  'loaded-language': 'Loaded language',
  hedge: 'Hedging',
  'unattributed-claim': 'Unattributed claims',
  'framing-verb': 'Framing verbs',
  intensifier: 'Intensifiers',
};

function byCategory(flags: readonly BiasFlag[]): Array<[BiasCategory, BiasFlag[]]> {
  const groups = new Map<BiasCategory, BiasFlag[]>();
  for (const flag of flags) groups.set(flag.category, [...(groups.get(flag.category) ?? []), flag]);
  return [...groups];
}

export function BiasSection({ bias, onFocus }: { bias: Bias; onFocus(span: Span): void }) {
  const groups = byCategory(bias.flags);
  return (
    <section aria-labelledby="bias-h">
      <h2 id="bias-h">Wording to check</h2>
      <ProvenanceBadge provenance={bias.provenance} />
      {groups.length === 0 && <p class="muted">No loaded or misleading wording flagged.</p>}
      {groups.map(([category, flags]) => (
        <div key={category} class="bias-group">
          <h3>{CATEGORY_LABELS[category]} <span class="count">{flags.length}</span></h3>
          <ul class="flags">
            {flags.map((flag) => (
              <li key={flag.start}>
                <button class="item" onClick={() => onFocus(flag)} title="Show in the page">
                  <q>{flag.text}</q>
                </button>
                <p class="explanation">{flag.explanation}</p>
                <p class="cues">Triggered by: {flag.cues.map((c) => <mark key={c.start}>{c.text}</mark>)}</p>
                {flag.suggestion && <p class="suggestion">Neutral wording: {flag.suggestion}</p>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
