import { heading, note } from './bench-timing';

/**
 * Slot for the full-tier figure: batched vs unbatched requests through the full engine
 * (daemon/full). The full-tier engineer's helper plugs in here; until it does, the bench says
 * so rather than printing a figure it did not measure.
 */
export async function benchFullBatchingSection(): Promise<void> {
  heading('full tier: batched vs unbatched');
  note('not measured yet: waiting for the full-tier bench helper (daemon/full) to be wired in here');
}
