import { z } from 'zod';
import { createSerialQueue } from '../../../shared/async/serial-queue';
import { isAlert } from '../../../shared/lite/bias-category-legend';
import { backgroundMessenger } from '../../lib/messaging/background-protocol';
import {
  CaptionCardRequestSchema,
  CaptureRequestSchema,
  contentMessenger,
  FocusSpanRequestSchema,
  ImageRequestSchema,
  ShowAnnotationsRequestSchema,
  type CapturedText,
  type HighlightReport,
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
      paintCues(doc, {
        cue: flagCueRanges(
          doc,
          pairs.filter(({ flag }) => isAlert(flag)),
        ),
        hint: flagCueRanges(
          doc,
          pairs.filter(({ flag }) => !isAlert(flag)),
        ),
      });
    },
  });
  const focus = createFocusHighlight(doc, { show: (ranges) => focusRange(doc, ranges), clear: clearFocus });
  const site = siteOf(doc.location?.href);
  // The last capture: its text never leaves the page again; results come back as spans into it.
  let captured: { id: string; text: string; nodes: Text[] } | null = null;
  let captures = 0;
  let watcher: { stop(): void } | null = null;
  const pageWork = createSerialQueue();
  /** One piece of page work at a time: streamed results and re-anchoring never interleave. */
  const serial = <T>(work: (slicer: TimeSlicer) => Promise<T>): Promise<T> =>
    pageWork.run(async () => {
      const slicer = createTimeSlicer();
      try {
        return await work(slicer);
      } finally {
        monitor.addWork(slicer.workMs);
      }
    });

  const onPageSettled = () =>
    void serial(async (slicer) => {
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

  contentMessenger.onMessage(
    'capturePage',
    validated(CaptureRequestSchema, ({ scope }) =>
      serial(async (slicer) => {
        monitor.start();
        const capture = await capturePage(doc, scope, slicer);
        if (!capture.reply.ok) {
          captured = null;
          return capture.reply;
        }
        captures += 1;
        const id = `c${Date.now().toString(36)}-${captures}`;
        captured = { id, text: capture.reply.text, nodes: capture.nodes };
        return { ...capture.reply, captureId: id } satisfies CapturedText;
      }),
    ),
  );

  contentMessenger.onMessage(
    'showAnnotations',
    validated(ShowAnnotationsRequestSchema, ({ captureId, spans }) =>
      serial(async (slicer): Promise<HighlightReport> => {
        // A late result of an annotation that started before the site was switched off.
        if (siteWatch && !siteWatch.isOn()) return { highlighted: 0, unmapped: 0 };
        // A late result of a capture that a newer one replaced: nothing of it belongs on the page.
        if (!captured || captured.id !== captureId) {
          const { highlighted, unmapped } = annotations.status();
          return { highlighted, unmapped, metrics: monitor.read() };
        }
        const status = await annotations.show(captured, spans, slicer);
        watcher ??= watchPageChanges(doc, onPageSettled);
        doc.documentElement.dataset.loupeState = 'annotated';
        return { highlighted: status.highlighted, unmapped: status.unmapped, metrics: monitor.read() };
      }),
    ),
  );

  contentMessenger.onMessage(
    'capturedText',
    validated(z.undefined(), () => captured?.text ?? null),
  );

  contentMessenger.onMessage(
    'focusSpan',
    validated(FocusSpanRequestSchema, ({ start, end }) => {
      const ranges = annotations.rangesFor(start, end);
      if (ranges.length === 0) return false;
      focus.show(ranges);
      return true;
    }),
  );

  contentMessenger.onMessage(
    'clearAnnotations',
    validated(z.undefined(), () => clearPage({ everything: false })),
  );

  contentMessenger.onMessage(
    'imageContext',
    validated(ImageRequestSchema, ({ srcUrl }) => {
      const img = images.find(srcUrl);
      return img ? captureImageContext(img, srcUrl) : [];
    }),
  );

  contentMessenger.onMessage(
    'showCaptionCard',
    validated(CaptionCardRequestSchema, (request) => {
      showCaptionCard(doc, images.find(request.srcUrl), request);
    }),
  );

  contentMessenger.onMessage(
    'pageMetrics',
    validated(z.undefined(), () => monitor.read()),
  );

  const describeImages = async () => {
    const done = await describePageImages(doc, (srcUrl, context) =>
      backgroundMessenger.sendMessage('describePageImage', { srcUrl, context }),
    );
    if (done.length > 0)
      await backgroundMessenger.sendMessage('reportAccessibleImages', { images: describedSoFar().slice(-200) }).catch(() => undefined);
    return done;
  };
  contentMessenger.onMessage('describeImages', validated(z.undefined(), describeImages));
  return { describeImages };
}
