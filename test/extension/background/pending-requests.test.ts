import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPendingRequests, DaemonUnavailableError } from '../../../extension/entrypoints/background/pending-requests';
import { PROTOCOL_VERSION } from '../../../shared/protocol/messages';

const progress = (id: string, completed: number) =>
  ({ v: PROTOCOL_VERSION, type: 'progress', id, stage: 'summary', completed, total: 4 }) as const;

describe('pending daemon requests', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a long request alive while it reports progress, and times out once it goes silent', async () => {
    const pending = createPendingRequests();
    const onTimeout = vi.fn();
    const seen: number[] = [];
    const result = pending.add('r1', 1_000, onTimeout, (event) => seen.push(event.completed));
    const outcome = result.then(() => 'answered', (error: unknown) => error);

    for (let chunk = 1; chunk <= 3; chunk++) {
      await vi.advanceTimersByTimeAsync(900);
      expect(pending.deliver(progress('r1', chunk))).toBe(true);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(onTimeout).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1_001);
    const error = await outcome;
    expect(error).toBeInstanceOf(DaemonUnavailableError);
    expect((error as DaemonUnavailableError).reason).toBe('timeout');
    expect(onTimeout).toHaveBeenCalledOnce();
    expect(pending.size).toBe(0);
  });

  it('settles with the result when the reply arrives before the timeout', async () => {
    const pending = createPendingRequests();
    const result = pending.add('r2', 1_000, () => {});
    pending.deliver({ v: PROTOCOL_VERSION, type: 'result', id: 'r2', ok: true, result: { kind: 'pong' } });
    await expect(result).resolves.toEqual({ kind: 'pong' });
  });
});
