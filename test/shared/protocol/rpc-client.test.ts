import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../../shared/protocol/messages';
import { createRpcClient, DaemonUnavailableError } from '../../../shared/protocol/rpc-client';

const progress = (id: string, completed: number) =>
  JSON.stringify({ v: PROTOCOL_VERSION, type: 'progress', id, stage: 'summary', completed, total: 4 });

/** A client whose frames land in `sent`, on vitest's fake timers. */
function client(timeoutMs = 1_000) {
  const sent: unknown[] = [];
  let connected = true;
  const rpc = createRpcClient({
    send(frame) {
      if (!connected) throw new DaemonUnavailableError('not-connected', 'The daemon is not connected.');
      sent.push(typeof frame === 'string' ? JSON.parse(frame) : frame);
    },
    schedule(ms, fn) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    timeoutMs,
  });
  return {
    rpc,
    sent,
    disconnect: () => {
      connected = false;
    },
  };
}

describe('the daemon RPC client', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a long request alive while it reports progress, and times out once it goes silent, asking the daemon to stop', async () => {
    const { rpc, sent } = client();
    const seen: number[] = [];
    const outcome = rpc.request({ type: 'ping' }, { onProgress: (event) => seen.push(event.completed) }).then(
      () => 'answered',
      (error: unknown) => error,
    );
    const id = (sent[0] as { id: string }).id;

    for (let chunk = 1; chunk <= 3; chunk++) {
      await vi.advanceTimersByTimeAsync(900);
      rpc.receiveText(progress(id, chunk));
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(sent).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1_001);
    const error = await outcome;
    expect(error).toBeInstanceOf(DaemonUnavailableError);
    expect((error as DaemonUnavailableError).reason).toBe('timeout');
    expect(sent[1]).toMatchObject({ type: 'cancel', target: id });
    expect(rpc.inFlight).toBe(0);
  });

  it('settles with the result when the reply arrives, and with a coded error for an error reply', async () => {
    const { rpc, sent } = client();
    const pong = rpc.request({ type: 'ping' });
    const refused = rpc.request({ type: 'ping' });
    const [first, second] = sent as { id: string }[];
    rpc.receiveText(JSON.stringify({ v: PROTOCOL_VERSION, type: 'result', id: first!.id, ok: true, result: { kind: 'pong' } }));
    rpc.receiveText(
      JSON.stringify({ v: PROTOCOL_VERSION, type: 'error', id: second!.id, ok: false, error: { code: 'overloaded', message: 'busy' } }),
    );
    await expect(pong).resolves.toEqual({ kind: 'pong' });
    await expect(refused).rejects.toMatchObject({ code: 'overloaded', message: 'busy' });
  });

  it('cancels a request whose signal aborts, and rejects every pending call on disconnect', async () => {
    const { rpc, sent, disconnect } = client();
    const controller = new AbortController();
    const cancelled = rpc.request({ type: 'ping' }, { signal: controller.signal });
    const pending = rpc.request({ type: 'ping' });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    expect(sent.at(-1)).toMatchObject({ type: 'cancel', target: (sent[0] as { id: string }).id });
    disconnect();
    rpc.rejectAll(new DaemonUnavailableError('disconnected', 'Daemon disconnected: socket closed'));
    await expect(pending).rejects.toMatchObject({ reason: 'disconnected' });
    await expect(rpc.request({ type: 'ping' })).rejects.toMatchObject({ reason: 'not-connected' });
    expect(rpc.inFlight).toBe(0);
  });

  it('sends image bytes in a binary frame headed by the request id', async () => {
    const { rpc, sent } = client();
    void rpc.request({ type: 'ping' }, { binary: new Uint8Array([1, 2, 3]) });
    const id = (sent[0] as { id: string }).id;
    const frame = sent[1] as Uint8Array;
    expect(new TextDecoder().decode(frame.subarray(4, 4 + id.length))).toBe(id);
    expect([...frame.subarray(4 + id.length)]).toEqual([1, 2, 3]);
  });
});
