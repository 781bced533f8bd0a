import type { BiasFlag, Span } from '../../../shared/protocol/results';
import type { SpanDelta } from '../../lib/messaging/content-protocol';
import type { AnnotationKind } from '../../lib/tab-state';

export interface AnnotationSpan {
  /**
   * Stable across partial results of one analysis: kind plus offsets (and a flag's category:
   * one sentence can be an unattributed claim and an exaggeration at once).
   */
  key: string;
  kind: AnnotationKind;
  span: Span;
  flag?: BiasFlag;
}

/** Every span of a delta that gets a mark in the page. */
export function annotationSpans(spans: SpanDelta): AnnotationSpan[] {
  const out: AnnotationSpan[] = [];
  const add = (kind: AnnotationKind, span: Span, flag?: BiasFlag) =>
    out.push({
      key: `${kind}:${flag ? `${flag.category}:` : ''}${span.start}:${span.end}`,
      kind,
      span: { start: span.start, end: span.end, text: span.text },
      ...(flag ? { flag } : {}),
    });
  for (const s of spans.summary ?? []) add('summary', s);
  for (const e of spans.entities ?? []) add('entity', e);
  for (const f of spans.bias ?? []) add('bias', f, f);
  return out;
}
