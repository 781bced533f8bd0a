import type { Analysis, BiasFlag, Span } from '../../../shared/protocol/results';
import type { AnnotationKind } from '../../lib/tab-state';

export interface AnnotationSpan {
  /** Stable across partial results of one analysis: kind plus offsets. */
  key: string;
  kind: AnnotationKind;
  span: Span;
  flag?: BiasFlag;
}

/** Every span of an analysis that gets a mark in the page. */
export function annotationSpans(analysis: Analysis): AnnotationSpan[] {
  const out: AnnotationSpan[] = [];
  const add = (kind: AnnotationKind, span: Span, flag?: BiasFlag) =>
    out.push({ key: `${kind}:${span.start}:${span.end}`, kind, span: { start: span.start, end: span.end, text: span.text }, ...(flag ? { flag } : {}) });
  for (const s of analysis.summary?.sentences ?? []) add('summary', s);
  for (const e of analysis.entities?.items ?? []) add('entity', e);
  for (const f of analysis.bias?.flags ?? []) add('bias', f, f);
  return out;
}
