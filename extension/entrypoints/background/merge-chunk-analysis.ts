import { unifyNameTypes } from '../../../shared/lite/entity-tagger/unify-name-types';
import type { Analysis, BiasFlag } from '../../../shared/protocol/results';
import type { SpanDelta } from '../../lib/messaging/content-protocol';

function shift<T extends { start: number; end: number }>(span: T, offset: number): T {
  return { ...span, start: span.start + offset, end: span.end + offset };
}

function shiftFlag(flag: BiasFlag, offset: number): BiasFlag {
  return { ...shift(flag, offset), cues: flag.cues.map((cue) => shift(cue, offset)) };
}

/** A chunk's analysis (offsets from its own start) with its spans moved to index the whole text. */
export function shiftAnalysis(chunk: Analysis, offset: number): Analysis {
  const shifted: Analysis = { ...chunk };
  if (chunk.summary) shifted.summary = { ...chunk.summary, sentences: chunk.summary.sentences.map((s) => shift(s, offset)) };
  if (chunk.entities) shifted.entities = { ...chunk.entities, items: chunk.entities.items.map((e) => shift(e, offset)) };
  if (chunk.bias) shifted.bias = { ...chunk.bias, flags: chunk.bias.flags.map((f) => shiftFlag(f, offset)) };
  return shifted;
}

/** The spans of `analysis` that get marks in the page: what the content script is sent. */
export function spansOf(analysis: Analysis): SpanDelta {
  return {
    ...(analysis.summary ? { summary: analysis.summary.sentences } : {}),
    ...(analysis.entities ? { entities: analysis.entities.items } : {}),
    ...(analysis.bias ? { bias: analysis.bias.flags } : {}),
  };
}

/**
 * Adds the entities and bias flags of one chunk (already shifted to index the whole text) to the
 * results so far, each name then taking one type over all chunks. The latest chunk's provenance
 * wins, so a fallback note from any chunk stays visible; so does a chunk's reason for
 * withholding a task.
 */
export function mergeChunkAnalysis(total: Analysis, chunk: Analysis): Analysis {
  const merged: Analysis = { ...total };
  if (chunk.entities) {
    merged.entities = {
      // Each chunk typed its names alone: one name keeps one type across the whole page.
      items: unifyNameTypes([...(total.entities?.items ?? []), ...chunk.entities.items]),
      ...(chunk.entities.withheld ? { withheld: chunk.entities.withheld } : {}),
      provenance:
        total.entities?.provenance.note && !chunk.entities.provenance.note ? total.entities.provenance : chunk.entities.provenance,
    };
  }
  if (chunk.bias) {
    merged.bias = {
      flags: [...(total.bias?.flags ?? []), ...chunk.bias.flags],
      ...(chunk.bias.withheld ? { withheld: chunk.bias.withheld } : {}),
      provenance: total.bias?.provenance.note && !chunk.bias.provenance.note ? total.bias.provenance : chunk.bias.provenance,
    };
  }
  return merged;
}
