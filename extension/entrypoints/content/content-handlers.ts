import { z } from 'zod';
import { backgroundMessenger } from '../../lib/messaging/background-protocol';
import {
  CaptionCardRequestSchema, CaptureRequestSchema, contentMessenger, FocusSpanRequestSchema, ImageRequestSchema,
  ShowAnnotationsRequestSchema, type HighlightReport,
} from '../../lib/messaging/content-protocol';
import { validated } from '../../lib/messaging/validated';
import { siteOf } from '../../lib/site-settings';
import type { AccessibleImage } from '../../lib/tab-state';
import { describedSoFar, describePageImages, removeDescriptions } from './accessible-images';
import { createBiasHover } from './bias-hover';
import { closeCaptionCard, showCaptionCard } from './caption-card';
import { capturePage } from './capture-page';
import { createFocusHighlight } from './focus-highlight';
import { flagCueRanges } from './cue-ranges';
import { clearFocus, clearHighlights, focusRange, paintCues } from './highlights';
import { captureImageContext } from './image-context';
import { trackImageTarget } from './image-target';
import { createLongTaskMonitor } from './long-task-monitor';
import { createPageAnnotations } from './page-annotations';
import { createTimeSlicer, type TimeSlicer } from './time-slicer';
import { watchPageChanges } from './watch-page-changes';
import { watchSite } from './watch-site';

/**
 * The content script's whole job: capture on request, map offsets to the live DOM, mark and
 * focus spans (following the words when the page re-renders), show the caption card, and
 * describe images in accessibility mode. All page work is sliced so the tab stays responsive.
 */
export function registerContentHandlers(doc: Document): { describeImages(): Promise<AccessibleImage[]> } {
  const images = trackImageTarget(doc);
  const monitor = createLongTaskMonitor();
  const hover = createBiasHover(doc);
  const annotations = createPageAnnotations(doc, {
    onBiasRanges: (pairs) => {
      hover.update(pairs);
      paintCues(doc, flagCueRanges(doc, pairs));
    },
  });
  const focus = createFocusHighlight(doc, { show: (ranges) => focusRange(doc, ranges), clear: clearFocus });
  const site = siteOf(doc.location?.href);
  let captured: { text: string; nodes: Text[] } | null = null;
  let watcher: { stop(): void } | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  /** One piece of page work at a time: streamed results and re-anchoring never interleave. */
  const serial = <T>(work: (slicer: TimeSlicer) => Promise<T>): Promise<T> => {
    const run = chain.then(async () => {
      const slicer = createTimeSlicer();
      try { return await work(slicer); } finally { monitor.addWork(slicer.workMs); }
    });
    chain = run.catch(() => undefined);
    return run;
  };

  const onPageSettled = () => void serial(async (slicer) => {
    const status = await annotations.reanchor(slicer);
    if (status) await backgroundMessenger.sendMessage('reportHighlights', status).catch(() => undefined);
  });

  /** Every mark Loupe put in the page: highlights, the focus, the caption card, screen-reader descriptions. */
  const clearPage = (options: { everything: boolean }) => {
    watcher?.stop();
    watcher = null;
    annotations.clear();
    focus.clear();
    clearHighlights();
    delete doc.documentElement.dataset.loupeState;
    if (!options.everything) return;
    closeCaptionCard();
    removeDescriptions(doc);
  };
  const siteWatch = site
    ? watchSite(site, { onDismissals: (d) => annotations.setDismissals(d), onTurnedOff: () => clearPage({ everything: true }) })
    : undefined;

  contentMessenger.onMessage('capturePage', validated(CaptureRequestSchema, ({ scope }) => serial(async (slicer) => {
    monitor.start();
    const capture = await capturePage(doc, scope, slicer);
    captured = capture.reply.ok ? { text: capture.reply.text, nodes: capture.nodes } : null;
    return capture.reply;
  })));

  contentMessenger.onMessage('showAnnotations', validated(ShowAnnotationsRequestSchema, ({ analysis }) => serial(async (slicer): Promise<HighlightReport> => {
    // A late result of an annotation that started before the site was switched off.
    if (siteWatch && !siteWatch.isOn()) return { highlighted: 0, unmapped: 0 };
    const status = await annotations.show(analysis, captured?.text === analysis.text ? captured.nodes : null, slicer);
    watcher ??= watchPageChanges(doc, onPageSettled);
    doc.documentElement.dataset.loupeState = 'annotated';
    return { highlighted: status.highlighted, unmapped: status.unmapped, metrics: monitor.read() };
  })));

  contentMessenger.onMessage('focusSpan', validated(FocusSpanRequestSchema, ({ start, end }) => {
    const ranges = annotations.rangesFor(start, end);
    if (ranges.length === 0) return false;
    focus.show(ranges);
    return true;
  }));

  contentMessenger.onMessage('clearAnnotations', validated(z.undefined(), () => clearPage({ everything: false })));

  contentMessenger.onMessage('imageContext', validated(ImageRequestSchema, ({ srcUrl }) => {
    const img = images.find(srcUrl);
    return img ? captureImageContext(img, srcUrl) : [];
  }));

  contentMessenger.onMessage('showCaptionCard', validated(CaptionCardRequestSchema, (request) => {
    showCaptionCard(doc, images.find(request.srcUrl), request);
  }));

  contentMessenger.onMessage('pageMetrics', validated(z.undefined(), () => monitor.read()));

  const describeImages = async () => {
    const done = await describePageImages(doc, (srcUrl, context) => backgroundMessenger.sendMessage('describePageImage', { srcUrl, context }));
    if (done.length > 0) await backgroundMessenger.sendMessage('reportAccessibleImages', { images: describedSoFar().slice(-200) }).catch(() => undefined);
    return done;
  };
  contentMessenger.onMessage('describeImages', validated(z.undefined(), describeImages));
  return { describeImages };
}
