/** Runs tasks one after another, in the order they were queued. */
export interface SerialQueue {
  /** Runs `task` once every task queued before it has settled; a failure does not stop later tasks. */
  run<T>(task: () => Promise<T> | T): Promise<T>;
}

/**
 * A promise chain that runs queued work one at a time: for runtimes whose sessions are not
 * re-entrant (onnxruntime, transformers.js pipelines) and for page work that must not interleave.
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T> | T): Promise<T> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
