import { LoupeError, toWireError } from '../../../shared/protocol/errors';
import { TEXT_TASKS, type Analysis, type TextTask } from '../../../shared/protocol/results';
import { CapturedTextSchema, HighlightReportSchema, type CapturedText, type HighlightReport } from '../../lib/messaging/content-protocol';
import { checkReply } from '../../lib/messaging/validated';
import type { CaptureScope, TabState } from '../../lib/tab-state';
import type { Router } from './router';
import type { TabResults } from './tab-results';

export interface AnnotateDeps {
  router: Pick<Router, 'analyzePage'>;
  results: TabResults;
  capture(tabId: number, scope: CaptureScope): Promise<unknown>;
  show(tabId: number, analysis: Analysis): Promise<unknown>;
}

export interface AnnotateOptions {
  scope?: CaptureScope;
  tasks?: readonly TextTask[];
}

/** Capture → analyse → highlight, recording each step in the tab's state for the side panel. */
export async function annotateTab(deps: AnnotateDeps, tabId: number, options: AnnotateOptions = {}): Promise<TabState> {
  const scope = options.scope ?? 'article';
  const tasks = [...(options.tasks ?? TEXT_TASKS)];
  deps.results.set(tabId, { status: 'working', scope, tasks });
  try {
    const captured: CapturedText = checkReply(CapturedTextSchema, await deps.capture(tabId, scope), 'capturePage');
    if (!captured.ok) throw new LoupeError('no-article', captured.reason);
    const page = { title: captured.title, url: captured.url };
    deps.results.set(tabId, { status: 'working', scope, tasks, ...page });
    const analysis = await deps.router.analyzePage(tabId, captured.text, tasks);
    const state = deps.results.set(tabId, { status: 'done', scope, tasks, ...page, analysis });
    await highlight(deps, tabId, analysis);
    return state;
  } catch (error) {
    return deps.results.set(tabId, { status: 'error', scope, tasks, error: toWireError(error) });
  }
}

async function highlight(deps: AnnotateDeps, tabId: number, analysis: Analysis): Promise<HighlightReport | undefined> {
  try {
    return checkReply(HighlightReportSchema, await deps.show(tabId, analysis), 'showAnnotations');
  } catch (error) {
    // The results are still in the side panel; only the in-page marks are missing.
    console.warn(`Loupe: could not highlight tab ${tabId}`, error);
    return undefined;
  }
}
