import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INPUT_LIMITS } from '../../shared/limits';
import { connectStressClient } from './stress-client';
import { startStressDaemon } from './stress-daemon';
import type { StressRow } from './stress-table';

/**
 * kill -9 of the daemon while a request is in flight: the client learns at once (its socket
 * closes; nothing hangs), and a restarted daemon takes the same token. That the extension then
 * annotates the page in the browser is checked by test/e2e/daemon-engine.test.ts.
 */
export async function killMidRequest(rounds: number): Promise<StressRow> {
  const home = await mkdtemp(path.join(tmpdir(), 'loupe-stress-crash-'));
  let held = 0;
  const closeMs: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const daemon = await startStressDaemon(home);
      const client = await connectStressClient(daemon.wsUrl, daemon.token);
      const closed = new Promise<number>((resolve) => client.ws.once('close', () => resolve(performance.now())));
      const pending = client
        .request({
          type: 'analyze',
          params: { text: 'A long page. '.repeat(INPUT_LIMITS.maxSentences - 1), tasks: ['entities', 'bias'], tier: 'lite' },
        })
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const killedAt = performance.now();
      await daemon.kill();
      closeMs.push((await closed) - killedAt);
      void pending;
      const again = await startStressDaemon(home);
      const reconnected = await connectStressClient(again.wsUrl, again.token).then(
        async (c) => {
          await c.ping();
          c.close();
          return true;
        },
        () => false,
      );
      await again.stop();
      if (reconnected) held++;
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
  return {
    attack: 'kill -9 of the daemon mid-request',
    tried: rounds,
    held,
    detail: `the client's socket closed ${Math.max(...closeMs).toFixed(0)} ms after the kill at worst; the restarted daemon accepted the same token (browser fallback: test/e2e/daemon-engine.test.ts)`,
  };
}
