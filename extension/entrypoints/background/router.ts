import { LoupeError } from '../../../shared/protocol/errors';
import type { AnalyzeParams } from '../../../shared/protocol/messages';
import type { PageHints } from '../../../shared/protocol/page-hints';
import type { Analysis, ImageDescription, TextTask } from '../../../shared/protocol/results';
import { withNote } from '../../../shared/protocol/with-note';
import type { ImageContext } from '../../lib/messaging/content-protocol';
import type { Routing } from '../../lib/settings';
import type { EngineHost } from '../../engine/engine-host-protocol';
import { chooseEngine, daemonHasFullModel, type Engine, type RoutedTask } from './choose-engine';
import type { DaemonClient } from './daemon-client';
import { DaemonUnavailableError } from '../../../shared/protocol/rpc-client';

export const DISCONNECTED_NOTE = 'Daemon disconnected mid-request; ran in the browser instead.';

export interface RouterDeps {
  daemon: Pick<DaemonClient, 'isConnected' | 'state' | 'analyze' | 'describeImage'>;
  /** The in-browser engine host: the same requests as the daemon's. */
  browserEngine: Pick<EngineHost, 'analyze' | 'describeImage'>;
  loadRouting: () => Promise<Routing>;
  /** Whether the browser has the task's full model downloaded (the full tier wraps browserEngine). */
  browserHasFull?: (task: RoutedTask) => Promise<boolean>;
}

export interface ImageBytes {
  bytes: Uint8Array;
  mimeType?: string;
}

function fallbackNote(error: unknown): string {
  if (error instanceof DaemonUnavailableError && error.reason === 'disconnected') return DISCONNECTED_NOTE;
  return `Daemon failed (${error instanceof Error ? error.message : String(error)}); ran in the browser instead.`;
}

function isCancelled(error: unknown): boolean {
  return error instanceof LoupeError && error.code === 'cancelled';
}

/** Runs each task where the user's routing (and the daemon's health) says, falling back to the browser. */
export function createRouter(deps: RouterDeps) {
  const inFlight = new Map<number, AbortController>();

  function notConnectedNote(): string {
    const state = deps.daemon.state();
    const why = state.status === 'unreachable' || state.status === 'not-paired' ? state.reason : `daemon ${state.status}`;
    return `Daemon not available (${why}); ran in the browser instead.`;
  }

  /**
   * The routing and which tasks' full models the browser has, read together: each extra await
   * before the daemon request is a window in which the daemon may go away.
   */
  async function readRouting(tasks: readonly RoutedTask[]): Promise<{ routing: Routing; fullInBrowser: ReadonlySet<RoutedTask> }> {
    const [routing, has] = await Promise.all([
      deps.loadRouting(),
      Promise.all(tasks.map(async (t) => (t === 'summary' || t === 'captions') && ((await deps.browserHasFull?.(t)) ?? false))),
    ]);
    return { routing, fullInBrowser: new Set(tasks.filter((_, i) => has[i])) };
  }

  function engineFor(task: RoutedTask, routing: Routing, connected: boolean, fullInBrowser: ReadonlySet<RoutedTask>): Engine {
    const facts = {
      daemonConnected: connected,
      daemonHasFull: daemonHasFullModel(deps.daemon.state(), task),
      browserHasFull: fullInBrowser.has(task),
    };
    return chooseEngine(task, routing[task], facts);
  }

  async function runOnDaemon(params: AnalyzeParams, signal: AbortSignal): Promise<Analysis> {
    try {
      return await deps.daemon.analyze(params, { signal });
    } catch (error) {
      if (isCancelled(error) || signal.aborted) throw error;
      const fallback = await deps.browserEngine.analyze(params, { signal });
      const note = fallbackNote(error);
      return {
        ...fallback,
        summary: withNote(fallback.summary, note),
        entities: withNote(fallback.entities, note),
        bias: withNote(fallback.bias, note),
      };
    }
  }

  /**
   * Analyses a tab's text (with what the capture knows about the page); a newer call for the
   * same tab cancels the older one.
   */
  async function analyzePage(tabId: number, text: string, tasks: readonly TextTask[], page?: PageHints): Promise<Analysis> {
    inFlight.get(tabId)?.abort();
    const controller = new AbortController();
    inFlight.set(tabId, controller);
    try {
      const { routing, fullInBrowser } = await readRouting(tasks);
      const connected = deps.daemon.isConnected();
      const daemonTasks = tasks.filter((t) => engineFor(t, routing, connected, fullInBrowser) === 'daemon');
      const browserTasks = tasks.filter((t) => !daemonTasks.includes(t));
      // One request shape for both engines: the browser's full tier runs where its model is downloaded.
      const request = (only: TextTask[]): AnalyzeParams => ({ text, tasks: only, tier: 'full', ...(page ? { page } : {}) });
      const [fromDaemon, fromBrowser] = await Promise.all([
        daemonTasks.length ? runOnDaemon(request(daemonTasks), controller.signal) : undefined,
        browserTasks.length ? deps.browserEngine.analyze(request(browserTasks), { signal: controller.signal }) : undefined,
      ]);
      const profile = fromBrowser?.page ?? fromDaemon?.page;
      const note = (task: TextTask) => (routing[task] === 'daemon' && !connected ? notConnectedNote() : undefined);
      const pick = <K extends TextTask>(task: K) => (daemonTasks.includes(task) ? fromDaemon?.[task] : fromBrowser?.[task]);
      return {
        ...(profile ? { page: profile } : {}),
        ...(tasks.includes('summary') ? { summary: withNote(pick('summary'), note('summary')) } : {}),
        ...(tasks.includes('entities') ? { entities: withNote(pick('entities'), note('entities')) } : {}),
        ...(tasks.includes('bias') ? { bias: withNote(pick('bias'), note('bias')) } : {}),
      };
    } finally {
      if (inFlight.get(tabId) === controller) inFlight.delete(tabId);
    }
  }

  /** Describes an image: daemon (with OCR) when routed there and reachable, the browser (page context, OCR when wired) otherwise. */
  async function describeImage(context: ImageContext, image: ImageBytes | { error: string }): Promise<ImageDescription> {
    const { routing, fullInBrowser } = await readRouting(['captions']);
    const connected = deps.daemon.isConnected();
    const engine = engineFor('captions', routing, connected, fullInBrowser);
    if ('error' in image) {
      const lite = await deps.browserEngine.describeImage({ context, tier: 'full' });
      return engine === 'daemon' ? withNote(lite, `Could not read the image (${image.error}); showing page context only.`) : lite;
    }
    const params = { context, tier: 'full' as const, ...(image.mimeType ? { mimeType: image.mimeType } : {}) };
    if (engine === 'browser') {
      const described = await deps.browserEngine.describeImage(params, image.bytes);
      return routing.captions === 'daemon' ? withNote(described, notConnectedNote()) : described;
    }
    try {
      return await deps.daemon.describeImage(params, image.bytes);
    } catch (error) {
      return withNote(await deps.browserEngine.describeImage(params, image.bytes), fallbackNote(error));
    }
  }

  return {
    analyzePage,
    describeImage,
    /** Stops the tab's analysis (tab closed or navigated). */
    cancelTab(tabId: number): void {
      inFlight.get(tabId)?.abort();
      inFlight.delete(tabId);
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
