import type { Span, Summary } from '../../../../shared/protocol/results';
import { matchesQuery } from './match-query';
import { ProvenanceBadge } from './ProvenanceBadge';
import { Section } from './Section';
import { TopItems } from './TopItems';

const TOP_POINTS = 7;

export function SummarySection({
  summary,
  query,
  note,
  onFocus,
}: {
  summary: Summary;
  query: string;
  note: string | undefined;
  onFocus(span: Span): void;
}) {
  const points = summary.sentences.filter((s) => matchesQuery(s.text, query));
  return (
    <Section id="summary" title="Key points" count={summary.sentences.length || undefined}>
      <ProvenanceBadge provenance={summary.provenance} note={note} />
      {summary.generated && <p class="generated">{summary.generated}</p>}
      {summary.sentences.length === 0 && !summary.withheld && <p class="muted">The text is too short to summarise.</p>}
      {summary.sentences.length > 0 && points.length === 0 && <p class="muted">No key point matches “{query}”.</p>}
      <TopItems
        items={points}
        limit={TOP_POINTS}
        noun="key points"
        ordered
        class="points"
        render={(s) => (
          <li key={s.start}>
            <button type="button" class="item" onClick={() => onFocus(s)} title="Show in the page">
              {s.text}
            </button>
          </li>
        )}
      />
    </Section>
  );
}
