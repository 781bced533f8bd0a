import type { Span, Summary } from '../../../../shared/protocol/results';
import { ProvenanceBadge } from './ProvenanceBadge';

export function SummarySection({ summary, onFocus }: { summary: Summary; onFocus(span: Span): void }) {
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h">Key points</h2>
      <ProvenanceBadge provenance={summary.provenance} />
      {summary.generated && <p class="generated">{summary.generated}</p>}
      {summary.sentences.length === 0 && <p class="muted">The text is too short to summarise.</p>}
      <ol class="points">
        {summary.sentences.map((s) => (
          <li key={s.start}><button class="item" onClick={() => onFocus(s)} title="Show in the page">{s.text}</button></li>
        ))}
      </ol>
    </section>
  );
}
