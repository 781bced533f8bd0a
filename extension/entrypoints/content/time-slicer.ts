type Scheduler = { yield?: () => Promise<void> };

/** Lets the page run (input, paint) before continuing: `scheduler.yield` keeps our place in line. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface TimeSlicer {
  /** Yields to the page when the current slice has run longer than the budget. */
  maybeYield(): Promise<void>;
  /** Milliseconds of our own work so far (slices, not the waits between them). */
  readonly workMs: number;
}

/**
 * Long pages must not freeze the tab: work is done in slices of `budgetMs` (well under the
 * 50 ms that counts as a long task), yielding to the page in between.
 */
export function createTimeSlicer(budgetMs = 12, now: () => number = () => performance.now()): TimeSlicer {
  let sliceStart = now();
  let workMs = 0;
  return {
    async maybeYield() {
      const elapsed = now() - sliceStart;
      if (elapsed < budgetMs) return;
      workMs += elapsed;
      await yieldToPage();
      sliceStart = now();
    },
    get workMs() {
      return workMs + (now() - sliceStart);
    },
  };
}
