import { heading, note } from './bench-timing';
import { benchFullConcurrency, formatFullConcurrency } from './full-concurrency';

/**
 * Full tier: 16 concurrent socket clients sending entity requests with the engine's micro-batching
 * on (maxBatch 8) and off (maxBatch 1), in the same run. The models are the synthetic stand-ins
 * built by test/fixtures/synthetic-models, so the figure is pipeline, socket and scheduling
 * overhead, not the speed of the real bert-base-NER.
 */
export async function benchFullBatchingSection(): Promise<void> {
  heading('full tier: batched vs one-at-a-time, 16 concurrent clients');
  const result = await benchFullConcurrency();
  for (const line of formatFullConcurrency(result).split('\n')) note(line);
  const [batched, single] = result.rows;
  if (batched && single) {
    note(`batched / one-at-a-time: ${(batched.requestsPerSecond / single.requestsPerSecond).toFixed(2)}x`);
  }
}
