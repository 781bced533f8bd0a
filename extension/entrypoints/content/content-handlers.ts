import {
  CaptionCardRequestSchema, CaptureRequestSchema, contentMessenger, FocusSpanRequestSchema, ImageRequestSchema,
  ShowAnnotationsRequestSchema,
} from '../../lib/messaging/content-protocol';
import { validated } from '../../lib/messaging/validated';
import { z } from 'zod';
import { createBiasHover } from './bias-hover';
import { showCaptionCard } from './caption-card';
import { capturePage } from './capture-page';
import { clearHighlights, focusRange, showHighlights } from './highlights';
import { captureImageContext } from './image-context';
import { trackImageTarget } from './image-target';
import { createTextMap, type TextMap } from './text-map';
import { visibleTextNodes } from './visible-text-nodes';

/**
 * The content script's whole job: capture on request, map offsets to the live DOM, mark and
 * focus spans, show the caption card. It only listens until asked.
 */
export function registerContentHandlers(doc: Document): void {
  const images = trackImageTarget(doc);
  let captured: { text: string; nodes: Text[] } | null = null;
  let map: TextMap | null = null;
  const hover = createBiasHover(doc);

  contentMessenger.onMessage('capturePage', validated(CaptureRequestSchema, ({ scope }) => {
    const capture = capturePage(doc, scope);
    captured = capture.reply.ok ? { text: capture.reply.text, nodes: capture.nodes } : null;
    return capture.reply;
  }));

  contentMessenger.onMessage('showAnnotations', validated(ShowAnnotationsRequestSchema, ({ analysis }) => {
    const nodes = captured?.text === analysis.text ? captured.nodes : visibleTextNodes(doc.body);
    map = createTextMap(analysis.text, nodes);
    const report = showHighlights(doc, map, analysis);
    const textMap = map;
    hover.update((analysis.bias?.flags ?? []).flatMap((flag) => {
      const range = textMap.rangeForSpan(flag.start, flag.end);
      return range ? [{ flag, range }] : [];
    }));
    doc.documentElement.dataset.loupeState = 'annotated';
    return report;
  }));

  contentMessenger.onMessage('focusSpan', validated(FocusSpanRequestSchema, ({ start, end }) => {
    const range = map?.rangeForSpan(start, end);
    if (!range) return false;
    focusRange(doc, range);
    return true;
  }));

  contentMessenger.onMessage('clearAnnotations', validated(z.undefined(), () => {
    clearHighlights();
    hover.update([]);
    map = null;
    delete doc.documentElement.dataset.loupeState;
  }));

  contentMessenger.onMessage('imageContext', validated(ImageRequestSchema, ({ srcUrl }) => {
    const img = images.find(srcUrl);
    return img ? captureImageContext(img, srcUrl) : [];
  }));

  contentMessenger.onMessage('showCaptionCard', validated(CaptionCardRequestSchema, (request) => {
    showCaptionCard(doc, images.find(request.srcUrl), request);
  }));
}
