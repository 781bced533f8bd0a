import { browser } from 'wxt/browser';
import { BIAS_CATEGORY_LEGEND } from '../../../../shared/lite/bias-category-legend';
import { BIAS_CATEGORIES, type Bias, type BiasCategory, type BiasFlag, type Span } from '../../../../shared/protocol/results';
import { clearDismissals, dismissCategory, dismissFlag, isDismissed, type Dismissals } from '../../../lib/dismissals';
import { matchesQuery } from './match-query';
import { ProvenanceBadge } from './ProvenanceBadge';
import { Section } from './Section';
import { TopItems } from './TopItems';

/** Flags shown per category before "Show all": the strongest; quiet hints show one. */
const TOP_FLAGS = { alert: 3, quiet: 1 } as const;

/** Categories in a fixed order, quiet hints last, each with its flags strongest first. */
function byCategory(flags: readonly BiasFlag[]): Array<[BiasCategory, BiasFlag[]]> {
  const groups = new Map<BiasCategory, BiasFlag[]>();
  for (const flag of flags) groups.set(flag.category, [...(groups.get(flag.category) ?? []), flag]);
  const rank = (c: BiasCategory) =>
    (BIAS_CATEGORY_LEGEND[c].severity === 'quiet' ? BIAS_CATEGORIES.length : 0) + BIAS_CATEGORIES.indexOf(c);
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([category, list]) => [category, list.sort((x, y) => y.score - x.score || x.start - y.start)]);
}

interface BiasSectionProps {
  bias: Bias;
  site: string | undefined;
  dismissals: Dismissals;
  query: string;
  note: string | undefined;
  onFocus(span: Span): void;
}

function FlagItem({ flag, site, onFocus }: { flag: BiasFlag; site: string | undefined; onFocus(span: Span): void }) {
  return (
    <li data-role="flag">
      <button type="button" class="item" onClick={() => onFocus(flag)} title="Show in the page">
        <q>{flag.text}</q>
      </button>
      <p class="explanation">{flag.explanation}</p>
      <p class="cues">
        Triggered by:{' '}
        {flag.cues.map((c) => (
          <mark key={c.start}>{c.text}</mark>
        ))}
      </p>
      {flag.suggestion && <p class="suggestion">Neutral wording: {flag.suggestion}</p>}
      {site && (
        <button type="button" class="link small" data-role="dismiss" onClick={() => void dismissFlag(browser.storage.local, site, flag)}>
          Dismiss
        </button>
      )}
    </li>
  );
}

export function BiasSection({ bias, site, dismissals, query, note, onFocus }: BiasSectionProps) {
  const visible = bias.flags.filter((f) => !isDismissed(dismissals, f));
  const hidden = bias.flags.length - visible.length;
  const groups = byCategory(visible.filter((f) => matchesQuery(`${f.text} ${f.explanation}`, query)));
  const local = browser.storage.local;
  return (
    <Section id="bias" title="Wording to check" count={visible.length}>
      <ProvenanceBadge provenance={bias.provenance} note={note} />
      {visible.length === 0 && !bias.withheld && <p class="muted">No loaded or misleading wording flagged.</p>}
      {visible.length > 0 && groups.length === 0 && <p class="muted">No flag matches “{query}”.</p>}
      {groups.map(([category, flags]) => {
        const info = BIAS_CATEGORY_LEGEND[category];
        return (
          <div key={category} class={`bias-group ${info.severity}`} data-category={category}>
            <h3>
              {info.label} <span class="count">{flags.length}</span>
              {site && (
                <button
                  type="button"
                  class="link small"
                  onClick={() => void dismissCategory(local, site, category)}
                  title={`Hide every "${info.label}" flag on ${site}`}
                >
                  hide on this site
                </button>
              )}
            </h3>
            <p class="legend">{info.legend}</p>
            <TopItems
              items={flags}
              limit={TOP_FLAGS[info.severity]}
              noun={info.label.toLowerCase()}
              class="flags"
              render={(flag) => <FlagItem key={`${flag.start}:${flag.category}`} flag={flag} site={site} onFocus={onFocus} />}
            />
          </div>
        );
      })}
      {hidden > 0 && site && (
        <p class="muted">
          {hidden} dismissed on this site.{' '}
          <button type="button" class="link" onClick={() => void clearDismissals(local, site)}>
            Show them again
          </button>
        </p>
      )}
    </Section>
  );
}
