import { unifyNameTypes } from '../../../shared/lite/entity-tagger/unify-name-types';
import type { Analysis, BiasFlag, Entity } from '../../../shared/protocol/results';

function shift<T extends { start: number; end: number }>(span: T, offset: number): T {
  return { ...span, start: span.start + offset, end: span.end + offset };
}

function shiftFlag(flag: BiasFlag, offset: number): BiasFlag {
  return { ...shift(flag, offset), cues: flag.cues.map((cue) => shift(cue, offset)) };
}

/**
 * Adds the entities and bias flags of one chunk (analysed on its own, offsets from 0) to the
 * results so far, whose offsets index the whole text, each name then taking one type over all
 * chunks. The latest chunk's provenance wins, so a
 * fallback note from any chunk stays visible; so does a chunk's reason for withholding a task.
 */
export function mergeChunkAnalysis(total: Analysis, chunk: Analysis, offset: number): Analysis {
  const merged: Analysis = { ...total };
  if (chunk.entities) {
    const items: Entity[] = [...(total.entities?.items ?? []), ...chunk.entities.items.map((e) => shift(e, offset))];
    merged.entities = {
      // Each chunk typed its names alone: one name keeps one type across the whole page.
      items: unifyNameTypes(items),
      ...(chunk.entities.withheld ? { withheld: chunk.entities.withheld } : {}),
      provenance: total.entities?.provenance.note && !chunk.entities.provenance.note ? total.entities.provenance : chunk.entities.provenance,
    };
  }
  if (chunk.bias) {
    const flags = [...(total.bias?.flags ?? []), ...chunk.bias.flags.map((f) => shiftFlag(f, offset))];
    merged.bias = {
      flags,
      ...(chunk.bias.withheld ? { withheld: chunk.bias.withheld } : {}),
      provenance: total.bias?.provenance.note && !chunk.bias.provenance.note ? total.bias.provenance : chunk.bias.provenance,
    };
  }
  return merged;
}
