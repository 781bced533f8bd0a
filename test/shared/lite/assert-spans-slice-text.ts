import { expect } from 'vitest';
import type { Analysis, Span } from '../../../shared/protocol/results';

/** Every span must quote the analysed text exactly: the content script anchors highlights on it. */
export function assertSpansSliceText(text: string, spans: readonly Span[]): void {
  for (const span of spans) {
    expect(span.start, `span ${JSON.stringify(span.text)} starts before its end`).toBeLessThanOrEqual(span.end);
    expect(text.slice(span.start, span.end)).toBe(span.text);
  }
}

/** Every span of an analysis (summary sentences, entities, flags and their cues) slices the text it was given. */
export function assertAnalysisSpansSliceText(text: string, analysis: Analysis): void {
  const flags = analysis.bias?.flags ?? [];
  assertSpansSliceText(text, [
    ...(analysis.summary?.sentences ?? []),
    ...(analysis.entities?.items ?? []),
    ...flags,
    ...flags.flatMap((flag) => flag.cues),
  ]);
}
