import type { Provenance } from '../../../../shared/protocol/results';

/**
 * Which engine, tier and model produced a section: always visible. `note` is the section's own
 * remark (a fallback, say) when the panel did not already show it once at the top.
 */
export function ProvenanceBadge({ provenance, note }: { provenance: Provenance; note: string | undefined }) {
  const { engine, tier, model, backend } = provenance;
  return (
    <div class="provenance">
      <span class={`badge engine-${engine}`} title={`backend: ${backend}`}>{`${engine} · ${tier} · ${model}`}</span>
      {note && (
        <p class="note" role="note">
          {note}
        </p>
      )}
    </div>
  );
}
