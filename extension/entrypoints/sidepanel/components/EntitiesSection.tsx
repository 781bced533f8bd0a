import { useState } from 'preact/hooks';
import type { Entities, EntityType, Span } from '../../../../shared/protocol/results';
import { groupEntities } from './group-entities';
import { ProvenanceBadge } from './ProvenanceBadge';

const TYPE_LABELS: Record<EntityType, string> = {
  PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other names', DATE: 'Dates', TIME: 'Times',
  MONEY: 'Money', PERCENT: 'Percentages', QUANTITY: 'Quantities', EMAIL: 'Emails', URL: 'Links',
};

export function EntitiesSection({ entities, onFocus }: { entities: Entities; onFocus(span: Span): void }) {
  // Each click on a name jumps to its next mention.
  const [cursor, setCursor] = useState<Record<string, number>>({});
  const groups = groupEntities(entities.items);
  return (
    <section aria-labelledby="entities-h">
      <h2 id="entities-h">Names and figures</h2>
      <ProvenanceBadge provenance={entities.provenance} />
      {entities.withheld && <p class="notice" data-role="withheld">{entities.withheld.message}</p>}
      {groups.length === 0 && <p class="muted">No names, dates or figures found.</p>}
      {groups.map((group) => (
        <div key={group.type} class="entity-group">
          <h3>{TYPE_LABELS[group.type]}</h3>
          <ul class="chips">
            {group.entries.map((entry) => {
              const next = (cursor[entry.key] ?? 0) % entry.mentions.length;
              const jump = () => { onFocus(entry.mentions[next]!); setCursor({ ...cursor, [entry.key]: next + 1 }); };
              return (
                <li key={entry.key}>
                  <button class="chip" onClick={jump} title={`Mention ${next + 1} of ${entry.mentions.length}`}>
                    {entry.text} <span class="count">{entry.mentions.length}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
