import { useState } from 'preact/hooks';
import type { Entities, EntityType, Span } from '../../../../shared/protocol/results';
import { groupEntities } from '../../../lib/group-entities';
import { matchesQuery } from './match-query';
import { ProvenanceBadge } from './ProvenanceBadge';
import { Section } from './Section';
import { TopItems } from './TopItems';

const TYPE_LABELS: Record<EntityType, string> = {
  PER: 'People',
  ORG: 'Organisations',
  LOC: 'Places',
  MISC: 'Other names',
  DATE: 'Dates',
  TIME: 'Times',
  MONEY: 'Money',
  PERCENT: 'Percentages',
  QUANTITY: 'Quantities',
  EMAIL: 'Emails',
  URL: 'Links',
};

/** Names shown per group before "Show all": the most mentioned. */
const TOP_NAMES = 12;

interface EntitiesSectionProps {
  entities: Entities;
  query: string;
  /** A note shown here (one the panel did not lift to its top). */
  note: string | undefined;
  onFocus(span: Span): void;
}

export function EntitiesSection({ entities, query, note, onFocus }: EntitiesSectionProps) {
  // Each click on a name jumps to its next mention.
  const [cursor, setCursor] = useState<Record<string, number>>({});
  const all = groupEntities(entities.items);
  const groups = all
    .map((group) => ({ ...group, entries: group.entries.filter((entry) => matchesQuery(entry.text, query)) }))
    .filter((group) => group.entries.length > 0);
  const names = all.reduce((sum, group) => sum + group.entries.length, 0);
  return (
    <Section id="entities" title="Names and figures" count={names}>
      <ProvenanceBadge provenance={entities.provenance} note={note} />
      {names === 0 && !entities.withheld && <p class="muted">No names, dates or figures found.</p>}
      {names > 0 && groups.length === 0 && <p class="muted">No name matches “{query}”.</p>}
      {groups.map((group) => (
        <div key={group.type} class="entity-group" data-role="entity-group" data-type={group.type}>
          <h3>
            {TYPE_LABELS[group.type]} <span class="count">{group.entries.length}</span>
          </h3>
          <TopItems
            items={group.entries}
            limit={TOP_NAMES}
            noun={TYPE_LABELS[group.type].toLowerCase()}
            class="chips"
            render={(entry) => {
              const next = (cursor[entry.key] ?? 0) % entry.mentions.length;
              const jump = () => {
                onFocus(entry.mentions[next]!);
                setCursor({ ...cursor, [entry.key]: next + 1 });
              };
              return (
                <li key={entry.key}>
                  <button type="button" class="chip" onClick={jump} title={`Mention ${next + 1} of ${entry.mentions.length}`}>
                    {entry.text} <span class="count">{entry.mentions.length}</span>
                  </button>
                </li>
              );
            }}
          />
        </div>
      ))}
    </Section>
  );
}
