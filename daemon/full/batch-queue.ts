export interface BatchQueue<I, O> {
  push(item: I): Promise<O>;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/**
 * Micro-batching: items pushed in the same tick, or while a batch is running, go to the model
 * together (up to `maxBatch`), so concurrent requests share one padded run.
 */
export function createBatchQueue<I, O>(runBatch: (items: I[]) => Promise<O[]>, maxBatch: number): BatchQueue<I, O> {
  const waiting: Waiting<I, O>[] = [];
  let draining = false;

  const drain = async () => {
    draining = true;
    while (waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      try {
        const results = await runBatch(batch.map((w) => w.item));
        for (const [i, w] of batch.entries()) w.resolve(results[i] as O);
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    draining = false;
  };

  return {
    push(item) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!draining) {
          draining = true;
          queueMicrotask(() => void drain());
        }
      });
    },
  };
}
