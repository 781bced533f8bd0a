import { DAEMON_STATE_KEY, tabStateKey, type TabState } from '../../lib/tab-state';
import type { DaemonState } from '../../lib/daemon-state';

/** The slice of `browser.storage.session` the store mirrors into (the side panel reads it). */
export interface SessionArea {
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** While a long page streams in, the side panel's copy is brought up to date at most this often. */
export const STREAMING_MIRROR_MS = 250;

/**
 * Per-tab results, in memory for the router and test hooks, mirrored to session storage so the
 * side panel sees updates (storage.onChanged) and survives a service-worker restart. Results
 * streaming in chunk by chunk are mirrored at most every {@link STREAMING_MIRROR_MS} (each write
 * carries every span so far); every other change is mirrored at once.
 */
export function createTabResults(session: SessionArea | undefined, now: () => number = Date.now) {
  const states = new Map<number, TabState>();
  const runs = new Map<number, number>();
  let runSeq = 0;
  let queued: Record<string, unknown> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const items = queued;
    queued = {};
    if (Object.keys(items).length === 0) return;
    // A very large article can exceed the session quota; the in-memory copy still serves.
    session?.set(items).catch((error: unknown) => console.warn('Loupe: could not mirror state to session storage', error));
  }

  function mirror(items: Record<string, unknown>, streaming = false): void {
    Object.assign(queued, items);
    if (!streaming) flush();
    else timer ??= setTimeout(flush, STREAMING_MIRROR_MS);
  }

  function get(tabId: number): TabState {
    return states.get(tabId) ?? { tabId, status: 'idle', updatedAt: now() };
  }

  function patch(tabId: number, change: Partial<Omit<TabState, 'tabId' | 'updatedAt'>>): TabState {
    const state: TabState = { ...get(tabId), ...change, updatedAt: now() };
    states.set(tabId, state);
    mirror({ [tabStateKey(tabId)]: state });
    return state;
  }

  return {
    get,
    /** Starts a new annotation of the tab; an older one still running stops publishing. */
    beginRun(tabId: number): number {
      runSeq += 1;
      runs.set(tabId, runSeq);
      return runSeq;
    },
    isCurrent(tabId: number, run: number): boolean {
      return runs.get(tabId) === run;
    },
    /** Replaces the tab's state with `next` (fields not given are dropped, except the accessibility mode's images). */
    set(tabId: number, next: Omit<TabState, 'tabId' | 'updatedAt'>): TabState {
      const previous = states.get(tabId);
      const state: TabState = {
        ...(previous?.accessibleImages ? { accessibleImages: previous.accessibleImages } : {}),
        ...next,
        tabId,
        updatedAt: now(),
      };
      states.set(tabId, state);
      mirror({ [tabStateKey(tabId)]: state }, state.status === 'working' && state.analysis !== undefined);
      return state;
    },
    /** Updates some fields of the tab's state, keeping the rest. */
    patch,
    /** Back to "never annotated" (Loupe was switched off for the tab's site); a run under way stops publishing. */
    reset(tabId: number): TabState {
      runSeq += 1;
      runs.set(tabId, runSeq);
      const state: TabState = { tabId, status: 'idle', updatedAt: now() };
      states.set(tabId, state);
      mirror({ [tabStateKey(tabId)]: state });
      return state;
    },
    forget(tabId: number): void {
      states.delete(tabId);
      runs.delete(tabId);
      delete queued[tabStateKey(tabId)];
      session?.remove(tabStateKey(tabId)).catch(() => undefined);
    },
    publishDaemonState(state: DaemonState): void {
      mirror({ [DAEMON_STATE_KEY]: state });
    },
  };
}

export type TabResults = ReturnType<typeof createTabResults>;
