import os from 'node:os';
import { heading, note } from './bench-timing';
import { benchRealSize, formatRealSize } from './real-size/bench-real-size';

/**
 * Full tier at the real models' sizes on this machine's CPU (q8, the dtype the daemon runs on a
 * CPU). The weights are random, so the outputs mean nothing; the compute, memory and batching
 * are the real models' (same layers, widths, vocabularies and file sizes within 20 %).
 */
export async function benchFullRealSection(): Promise<void> {
  heading('full tier at real size (random weights), CPU q8: latency per article, tokens/s, memory, batching');
  // On a shared machine the same run can take several times longer: say how busy it was.
  note(
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} on ${os.availableParallelism()} cores`,
  );
  note('each figure here is one timed run after a warm-up call (a summary of 142 tokens takes a minute on this CPU), not a median');
  const result = await benchRealSize('cpu', 'q8', (line) => note(line));
  for (const line of formatRealSize(result)) note(line);
  note('baseline for batching: the same engine with batches of 1 (one at a time), measured in the same run');
}
