import type { Analysis, BiasFlag } from '../../../shared/protocol/results';
import { anchorQuote } from '../../lib/anchoring/anchor-quote';
import { squeeze, squeezed } from '../../lib/anchoring/searchable-text';
import { describeAnchor, type TextAnchor } from '../../lib/anchoring/text-anchor';
import { isDismissed, NO_DISMISSALS, type Dismissals } from '../../lib/dismissals';
import type { AnnotationKind, HighlightStatus, Orphan } from '../../lib/tab-state';
import { annotationSpans, type AnnotationSpan } from './annotation-spans';
import { paintHighlights } from './highlights';
import { liveRange, readLiveText } from './live-text';
import { createTextMapSliced, type TextMap } from './text-map';
import type { TimeSlicer } from './time-slicer';
import { visibleTextNodesSliced } from './visible-text-nodes';

interface PageAnnotation extends AnnotationSpan {
  /** Null when the span was never found in the page (hidden, or rewritten by Readability). */
  anchor: TextAnchor | null;
  range: Range | null;
  orphaned: boolean;
}

export interface PageAnnotationsDeps {
  onBiasRanges(pairs: Array<{ flag: BiasFlag; range: Range }>): void;
}

/** A range still marks its words when it is attached, not collapsed, and covers the same text. */
function holds(annotation: PageAnnotation): boolean {
  const { range, anchor } = annotation;
  if (!range || !anchor) return false;
  if (range.collapsed || !range.startContainer.isConnected || !range.endContainer.isConnected) return false;
  return squeezed(range.toString()) === squeezed(anchor.quote.exact);
}

/**
 * The marks Loupe placed in the page, each kept as a quote + context + position anchor, so that
 * when the page re-renders part of itself the marks follow the words (or are reported orphaned).
 */
export function createPageAnnotations(doc: Document, deps: PageAnnotationsDeps) {
  let text: string | null = null;
  let map: TextMap | null = null;
  let mapStale = false;
  let dismissals: Dismissals = NO_DISMISSALS;
  let reanchored = 0;
  const annotations = new Map<string, PageAnnotation>();

  function paint(): void {
    const ranges: Record<AnnotationKind, Range[]> = { summary: [], entity: [], bias: [] };
    const bias: Array<{ flag: BiasFlag; range: Range }> = [];
    for (const a of annotations.values()) {
      if (!a.range || a.orphaned || (a.flag && isDismissed(dismissals, a.flag))) continue;
      ranges[a.kind].push(a.range);
      if (a.flag) bias.push({ flag: a.flag, range: a.range });
    }
    paintHighlights(doc, ranges);
    deps.onBiasRanges(bias);
  }

  function status(): HighlightStatus {
    const all = [...annotations.values()];
    const orphaned: Orphan[] = all.filter((a) => a.orphaned).slice(0, 500).map((a) => ({ kind: a.kind, ...a.span }));
    return {
      highlighted: all.filter((a) => a.range && !a.orphaned).length,
      unmapped: all.filter((a) => !a.anchor).length,
      reanchored,
      orphaned,
    };
  }

  /** Adds the analysis's new spans (partial results arrive cumulatively) and repaints. */
  async function show(analysis: Analysis, captured: readonly Text[] | null, slicer: TimeSlicer): Promise<HighlightStatus> {
    if (analysis.text !== text || !map || mapStale) {
      if (analysis.text !== text) { annotations.clear(); reanchored = 0; }
      text = analysis.text;
      const nodes = captured && !mapStale && captured.every((n) => n.isConnected) ? captured : (await visibleTextNodesSliced(doc.body, slicer)).nodes;
      map = await createTextMapSliced(analysis.text, nodes, slicer);
      mapStale = false;
    }
    let n = 0;
    for (const item of annotationSpans(analysis)) {
      if (annotations.has(item.key)) continue;
      const at = map.liveSpan(item.span.start, item.span.end);
      const anchor = at ? describeAnchor(map.live.text, at.start, at.end) : null;
      const range = at ? liveRange(map.live, at.start, at.end) : null;
      annotations.set(item.key, { ...item, anchor, range, orphaned: false });
      if ((n += 1) % 200 === 0) await slicer.maybeYield();
    }
    paint();
    return status();
  }

  /**
   * After the page changed: annotations whose ranges no longer hold are found again by quote
   * and context in the new text; those whose words are gone become orphans. Returns null when
   * every mark still held (nothing to report).
   */
  async function reanchor(slicer: TimeSlicer): Promise<HighlightStatus | null> {
    const stale = [...annotations.values()].filter((a) => a.anchor && !(a.orphaned && !a.range) && !holds(a));
    const orphans = [...annotations.values()].filter((a) => a.orphaned);
    if (stale.length === 0 && orphans.length === 0) return null;
    mapStale = true;
    const live = readLiveText((await visibleTextNodesSliced(doc.body, slicer)).nodes);
    const searchable = squeeze(live.text);
    let changed = 0;
    for (const a of [...stale, ...orphans]) {
      const match = anchorQuote(searchable, a.anchor!);
      const wasOrphaned = a.orphaned;
      a.range = match ? liveRange(live, match.start, match.end) : null;
      a.orphaned = a.range === null;
      if (match) a.anchor = describeAnchor(live.text, match.start, match.end);
      if (a.range || !wasOrphaned) changed += 1;
      await slicer.maybeYield();
    }
    if (changed === 0) return null;
    reanchored += 1;
    paint();
    return status();
  }

  return {
    show,
    reanchor,
    status,
    /** The live range of an analysed span, for "show in the page". */
    rangeFor(start: number, end: number): Range | null {
      for (const a of annotations.values()) if (a.span.start === start && a.span.end === end && a.range && !a.orphaned) return a.range;
      return map?.rangeForSpan(start, end) ?? null;
    },
    setDismissals(next: Dismissals): void {
      dismissals = next;
      if (annotations.size > 0) paint();
    },
    hasAnnotations(): boolean {
      return annotations.size > 0;
    },
    clear(): void {
      annotations.clear();
      text = null;
      map = null;
      reanchored = 0;
      paint();
    },
  };
}

export type PageAnnotations = ReturnType<typeof createPageAnnotations>;
