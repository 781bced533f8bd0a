import type { Provenance } from '../../../../shared/protocol/results';

/** Which engine, tier and model produced a section: always visible, with any fallback note. */
export function ProvenanceBadge({ provenance }: { provenance: Provenance }) {
  const { engine, tier, model, backend, note } = provenance;
  return (
    <div class="provenance">
      <span class={`badge engine-${engine}`} title={`backend: ${backend}`}>{`${engine} · ${tier} · ${model}`}</span>
      {note && <p class="note" role="note">{note}</p>}
    </div>
  );
}
