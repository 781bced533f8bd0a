import type { HighlightStatus } from '../../../lib/tab-state';

const KIND_LABELS = { summary: 'key point', entity: 'name', bias: 'flag' } as const;
/** A longer list stays folded: on a page that re-rendered wholesale it would fill the panel. */
const OPEN_UP_TO = 3;

/** Marks the page lost when it re-rendered: listed, never dropped silently. */
export function OrphansNote({ highlights }: { highlights: HighlightStatus }) {
  if (highlights.orphaned.length === 0 && highlights.reanchored === 0) return null;
  return (
    <div class="anchors" data-role="anchors">
      {highlights.reanchored > 0 && <p class="muted">The page changed; highlights moved to follow the text.</p>}
      {highlights.orphaned.length > 0 && (
        <details open={highlights.orphaned.length <= OPEN_UP_TO}>
          <summary class="note">
            {highlights.orphaned.length} annotation{highlights.orphaned.length === 1 ? '' : 's'} no longer found on the page
          </summary>
          <ul class="orphans">
            {highlights.orphaned.map((o) => (
              <li key={`${o.kind}:${o.start}`}>
                <span class="muted">{KIND_LABELS[o.kind]}:</span> <q>{o.text}</q>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
