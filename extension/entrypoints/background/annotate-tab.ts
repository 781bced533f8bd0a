import { profilePage } from '../../../shared/lite/page/profile-page';
import { LoupeError, toWireError } from '../../../shared/protocol/errors';
import { sliceHints, type PageHints } from '../../../shared/protocol/page-hints';
import { TEXT_TASKS, type Analysis, type TextTask } from '../../../shared/protocol/results';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import {
  CapturedTextSchema,
  HighlightReportSchema,
  type CapturedText,
  type HighlightReport,
  type ShowAnnotationsRequest,
  type SpanDelta,
} from '../../lib/messaging/content-protocol';
import { checkReply } from '../../lib/messaging/validated';
import type { CaptureScope, TabState } from '../../lib/tab-state';
import { chunkText, DEFAULT_CHUNKING, type ChunkOptions } from './chunk-text';
import { mergeChunkAnalysis, shiftAnalysis, spansOf } from './merge-chunk-analysis';
import type { Router } from './router';
import type { TabResults } from './tab-results';

export interface AnnotateDeps {
  router: Pick<Router, 'analyzePage'>;
  results: TabResults;
  capture(tabId: number, scope: CaptureScope): Promise<unknown>;
  /** Sends new spans of the tab's capture to its content script, which holds the text. */
  show(tabId: number, request: ShowAnnotationsRequest): Promise<unknown>;
  /** Why this tab's site must not be annotated (the user turned Loupe off there), if it must not. */
  refusal?: (tabId: number) => Promise<string | undefined>;
  /** The address the tab shows, kept with the state so a late report of it is no navigation. */
  tabUrl?: (tabId: number) => Promise<string | undefined>;
  chunking?: ChunkOptions;
}

export interface AnnotateOptions {
  scope?: CaptureScope;
  tasks?: readonly TextTask[];
}

type Page = { title: string; url: string; notes?: string[] };
type Run = { deps: AnnotateDeps; tabId: number; scope: CaptureScope; tasks: TextTask[]; run: number; captureId: string };

/** Capture → analyse (in chunks on long pages) → highlight, publishing each step for the side panel. */
export async function annotateTab(deps: AnnotateDeps, tabId: number, options: AnnotateOptions = {}): Promise<TabState> {
  const ctx: Run = {
    deps,
    tabId,
    scope: options.scope ?? 'article',
    tasks: [...(options.tasks ?? TEXT_TASKS)],
    run: deps.results.beginRun(tabId),
    captureId: '',
  };
  const publish = (next: Omit<TabState, 'tabId' | 'updatedAt' | 'scope' | 'tasks'>) =>
    deps.results.isCurrent(tabId, ctx.run)
      ? deps.results.set(tabId, { scope: ctx.scope, tasks: ctx.tasks, ...next })
      : deps.results.get(tabId);
  publish({ status: 'working' });
  let url: string | undefined;
  try {
    url = await deps.tabUrl?.(tabId).catch(() => undefined);
    if (url !== undefined) publish({ status: 'working', url });
    const refusal = await deps.refusal?.(tabId);
    if (refusal) throw new LoupeError('bad-input', refusal);
    const captured: CapturedText = checkReply(CapturedTextSchema, await deps.capture(tabId, ctx.scope), 'capturePage');
    if (!captured.ok) throw new LoupeError('no-article', captured.reason);
    url = captured.url;
    ctx.captureId = captured.captureId;
    const page: Page = { title: captured.title, url, ...(captured.notes?.length ? { notes: captured.notes } : {}) };
    publish({ status: 'working', ...page });
    const { analysis, report } = await analyseInChunks(ctx, captured.text, captured.page ?? {}, page, publish);
    const state = publish({ status: 'done', ...page, analysis });
    if (report && deps.results.isCurrent(tabId, ctx.run)) {
      return deps.results.patch(tabId, {
        highlights: { highlighted: report.highlighted, unmapped: report.unmapped, reanchored: 0, orphaned: [] },
        ...(report.metrics ? { metrics: report.metrics } : {}),
      });
    }
    return state;
  } catch (error) {
    return publish({ status: 'error', ...(url !== undefined ? { url } : {}), error: toWireError(error) });
  }
}

/**
 * A short text is analysed in one go. A long one streams: entities and bias per chunk of whole
 * paragraphs (each published, and its spans sent to the page as they land, offsets shifted to
 * the whole text), then the summary over the whole text, since key points are chosen against
 * all of it. The text itself goes to the engine once; the page gets only spans. The
 * page's genre is decided once over the whole text and sent with every chunk, since a chunk
 * alone (a recipe's story part) can look like something else.
 */
async function analyseInChunks(
  ctx: Run,
  text: string,
  hints: PageHints,
  page: Page,
  publish: (next: Omit<TabState, 'tabId' | 'updatedAt' | 'scope' | 'tasks'>) => TabState,
): Promise<{ analysis: Analysis; report: HighlightReport | undefined }> {
  const { deps, tabId } = ctx;
  const chunks = chunkText(text, deps.chunking ?? DEFAULT_CHUNKING);
  if (chunks.length === 1) {
    stopIfReplaced(ctx);
    const analysis = await deps.router.analyzePage(tabId, text, ctx.tasks, hints);
    stopIfReplaced(ctx);
    publish({ status: 'working', ...page, analysis });
    return { analysis, report: await highlight(ctx, spansOf(analysis)) };
  }
  const perChunk = ctx.tasks.filter((t) => t !== 'summary');
  const total = chunks.length + (ctx.tasks.includes('summary') ? 1 : 0);
  const { profile } = profilePage(text, segmentSentences(text), hints);
  const wholePage: PageHints = { ...hints, genre: profile.genre };
  let analysis: Analysis = { page: profile };
  let showing: Promise<HighlightReport | undefined> = Promise.resolve(undefined);
  for (const [index, chunk] of chunks.entries()) {
    stopIfReplaced(ctx);
    if (perChunk.length > 0) {
      const part = await deps.router.analyzePage(
        tabId,
        text.slice(chunk.start, chunk.end),
        perChunk,
        sliceHints(wholePage, chunk.start, chunk.end),
      );
      const shifted = shiftAnalysis(part, chunk.start);
      analysis = mergeChunkAnalysis(analysis, shifted);
      // Highlight this chunk while the next one is analysed; one show at a time, in order.
      showing = showing.then(() => highlight(ctx, spansOf(shifted)));
    }
    publish({ status: 'working', ...page, analysis, progress: { completed: index + 1, total } });
  }
  if (ctx.tasks.includes('summary')) {
    stopIfReplaced(ctx);
    const { summary } = await deps.router.analyzePage(tabId, text, ['summary'], wholePage);
    analysis = { ...analysis, ...(summary ? { summary } : {}) };
    if (summary) showing = showing.then(() => highlight(ctx, { summary: summary.sentences }));
  }
  return { analysis, report: await showing };
}

/** A newer annotation (or a navigation away) took over: calling the router again would cancel *it*. */
function stopIfReplaced(ctx: Run): void {
  if (!ctx.deps.results.isCurrent(ctx.tabId, ctx.run))
    throw new LoupeError('cancelled', 'A newer annotation of this tab replaced this one.');
}

async function highlight(ctx: Run, spans: SpanDelta): Promise<HighlightReport | undefined> {
  const { deps, tabId } = ctx;
  try {
    return checkReply(HighlightReportSchema, await deps.show(tabId, { captureId: ctx.captureId, spans }), 'showAnnotations');
  } catch (error) {
    // The results are still in the side panel; only the in-page marks are missing.
    console.warn(`Loupe: could not highlight tab ${tabId}`, error);
    return undefined;
  }
}
