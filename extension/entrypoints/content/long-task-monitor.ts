import type { PageMetrics } from '../../lib/tab-state';

/**
 * Counts long tasks (> 50 ms on the main thread) while Loupe works on the page, so the e2e
 * suite can report whether annotating froze it. Chrome reports 'longtask' entries to content
 * scripts too (same document timeline); Firefox has none, and says so via `supported`.
 */
export function createLongTaskMonitor() {
  const supported = typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('longtask');
  let observer: PerformanceObserver | null = null;
  let count = 0;
  let maxMs = 0;
  let contentWorkMs = 0;
  const take = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      count += 1;
      maxMs = Math.max(maxMs, entry.duration);
    }
  };
  return {
    /** Starts a fresh count (at each capture). */
    start(): void {
      count = 0;
      maxMs = 0;
      contentWorkMs = 0;
      if (!supported || observer) return;
      observer = new PerformanceObserver((list) => take(list.getEntries()));
      observer.observe({ type: 'longtask', buffered: false });
    },
    addWork(ms: number): void {
      contentWorkMs += ms;
    },
    /** The counts so far, including entries queued but not yet delivered to the callback. */
    read(): PageMetrics {
      if (observer) take(observer.takeRecords());
      return { supported, longTasks: count, maxLongTaskMs: Math.round(maxMs), contentWorkMs: Math.round(contentWorkMs) };
    },
  };
}

export type LongTaskMonitor = ReturnType<typeof createLongTaskMonitor>;
