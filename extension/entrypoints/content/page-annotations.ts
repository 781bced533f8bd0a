import type { BiasFlag } from '../../../shared/protocol/results';
import { isAlert } from '../../../shared/lite/bias-category-legend';
import type { SpanDelta } from '../../lib/messaging/content-protocol';
import { anchorQuote } from '../../lib/anchoring/anchor-quote';
import { squeeze, squeezed } from '../../lib/anchoring/searchable-text';
import { describeAnchor, type TextAnchor } from '../../lib/anchoring/text-anchor';
import { isDismissed, NO_DISMISSALS, type Dismissals } from '../../lib/dismissals';
import type { AnnotationKind, HighlightStatus, Orphan } from '../../lib/tab-state';
import { annotationSpans, type AnnotationSpan } from './annotation-spans';
import { paintHighlights } from './highlights';
import { liveRange, readLiveText, type LiveText } from './live-text';
import { piecesFromRuns, relativeRuns, type LivePiece } from './span-pieces';
import { createTextMapSliced, type TextMap } from './text-map';
import type { TimeSlicer } from './time-slicer';
import { visibleTextNodesSliced } from './visible-text-nodes';

interface PageAnnotation extends AnnotationSpan {
  /** Null when the span was never found in the page (hidden, or rewritten by Readability). */
  anchor: TextAnchor | null;
  /** Null when unplaced; several when live-only text (a footnote marker) splits the words. */
  ranges: Range[] | null;
  /** For a split span: each range's characters (no whitespace) within the anchor's quote. */
  runs?: Array<[number, number]>;
  orphaned: boolean;
}

function rangesOf(live: LiveText, pieces: readonly LivePiece[]): Range[] | null {
  const ranges = pieces.map((p) => liveRange(live, p.start, p.end));
  return ranges.every((r) => r !== null) ? ranges : null;
}

export interface PageAnnotationsDeps {
  onBiasRanges(pairs: Array<{ flag: BiasFlag; range: Range }>): void;
}

/** Ranges still mark their words when attached, not collapsed, and covering the same text. */
function holds(annotation: PageAnnotation): boolean {
  const { ranges, anchor, runs } = annotation;
  if (!ranges || !anchor) return false;
  if (ranges.some((r) => r.collapsed || !r.startContainer.isConnected || !r.endContainer.isConnected)) return false;
  const quote = squeezed(anchor.quote.exact);
  const expected = runs ? runs.map(([from, to]) => quote.slice(from, to)).join('') : quote;
  return ranges.map((r) => squeezed(r.toString())).join('') === expected;
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
    // Two flags on one sentence tint it once; each still marks its own cue words. A quiet hint
    // (a vague claim) tints nothing: only its words get a thin line.
    const tinted = new Set<string>();
    for (const a of annotations.values()) {
      if (!a.ranges || a.orphaned || (a.flag && isDismissed(dismissals, a.flag))) continue;
      const span = `${a.kind}:${a.span.start}:${a.span.end}`;
      if (!tinted.has(span) && (!a.flag || isAlert(a.flag))) {
        ranges[a.kind].push(...a.ranges);
        tinted.add(span);
      }
      for (const range of a.flag ? a.ranges : []) bias.push({ flag: a.flag!, range });
    }
    paintHighlights(doc, ranges);
    deps.onBiasRanges(bias);
  }

  function status(): HighlightStatus {
    const all = [...annotations.values()];
    const orphaned: Orphan[] = all
      .filter((a) => a.orphaned)
      .slice(0, 500)
      .map((a) => ({ kind: a.kind, ...a.span }));
    return {
      highlighted: all.filter((a) => a.ranges && !a.orphaned).length,
      unmapped: all.filter((a) => !a.anchor).length,
      reanchored,
      orphaned,
    };
  }

  /**
   * Adds new spans of `capture` (they arrive chunk by chunk) and repaints. A capture of other
   * text starts over; the same text again keeps the marks it has.
   */
  async function show(capture: { text: string; nodes: readonly Text[] }, spans: SpanDelta, slicer: TimeSlicer): Promise<HighlightStatus> {
    if (capture.text !== text || !map || mapStale) {
      if (capture.text !== text) {
        annotations.clear();
        reanchored = 0;
      }
      text = capture.text;
      const nodes =
        !mapStale && capture.nodes.every((n) => n.isConnected) ? capture.nodes : (await visibleTextNodesSliced(doc.body, slicer)).nodes;
      map = await createTextMapSliced(capture.text, nodes, slicer);
      mapStale = false;
    }
    let n = 0;
    for (const item of annotationSpans(spans)) {
      if (annotations.has(item.key)) continue;
      const at = map.liveSpan(item.span.start, item.span.end);
      const anchor = at ? describeAnchor(map.live.text, at.start, at.end) : null;
      const ranges = at ? rangesOf(map.live, at.pieces) : null;
      const runs = at && at.pieces.length > 1 ? { runs: relativeRuns(map.live.text, at.pieces) } : {};
      annotations.set(item.key, { ...item, anchor, ranges, ...runs, orphaned: false });
      n += 1;
      if (n % 200 === 0) await slicer.maybeYield();
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
    const stale = [...annotations.values()].filter((a) => a.anchor && !(a.orphaned && !a.ranges) && !holds(a));
    const orphans = [...annotations.values()].filter((a) => a.orphaned);
    if (stale.length === 0 && orphans.length === 0) return null;
    mapStale = true;
    const live = readLiveText((await visibleTextNodesSliced(doc.body, slicer)).nodes);
    const searchable = squeeze(live.text);
    let changed = 0;
    for (const a of [...stale, ...orphans]) {
      const match = anchorQuote(searchable, a.anchor!);
      const wasOrphaned = a.orphaned;
      const pieces = match && (a.runs ? piecesFromRuns(live.text, match.start, match.end, a.runs) : [match]);
      a.ranges = pieces ? rangesOf(live, pieces) : null;
      a.orphaned = a.ranges === null;
      if (match) a.anchor = describeAnchor(live.text, match.start, match.end);
      if (a.ranges || !wasOrphaned) changed += 1;
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
    /** The live ranges of an analysed span, for "show in the page" (empty when it is not there). */
    rangesFor(start: number, end: number): Range[] {
      for (const a of annotations.values()) if (a.span.start === start && a.span.end === end && a.ranges && !a.orphaned) return a.ranges;
      return map?.rangesForSpan(start, end) ?? [];
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
