import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDaemonClient } from '../../../extension/entrypoints/background/daemon-client';
import { DaemonUnavailableError } from '../../../shared/protocol/rpc-client';
import { backoffDelay } from '../../../extension/entrypoints/background/backoff';
import { LoupeError } from '../../../shared/protocol/errors';
import type { Pairing } from '../../../extension/lib/settings';
import { flush, socketFactory } from '../fake-daemon-socket';

const PAIRING: Pairing = { port: 7341, token: 'a'.repeat(32) };

function setup(options: { pairing?: Pairing | null; autoHello?: boolean; random?: number } = {}) {
  const sockets = socketFactory(options.autoHello ?? true);
  const client = createDaemonClient({
    loadPairing: async () => (options.pairing === undefined ? PAIRING : options.pairing),
    createSocket: sockets.create,
    random: () => options.random ?? 0.5,
    now: () => Date.now(),
  });
  return { client, sockets };
}

async function connected(options?: Parameters<typeof setup>[0]) {
  const s = setup(options);
  s.client.start();
  await flush();
  s.sockets.current.open();
  await flush();
  return s;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('daemon client', () => {
  it('tells the user to pair when no token is stored', async () => {
    const { client, sockets } = setup({ pairing: null });
    client.start();
    await flush();
    expect(sockets.sockets).toHaveLength(0);
    expect(client.state()).toMatchObject({ status: 'not-paired', reason: expect.stringContaining('loupe token') });
  });

  it('opens the loopback socket with the token as a subprotocol and says hello', async () => {
    const { client, sockets } = await connected();
    expect(sockets.current.url).toBe('ws://127.0.0.1:7341/ws');
    expect(sockets.current.protocols).toEqual(['loupe.v1', `loupe.token.${PAIRING.token}`]);
    expect(sockets.current.sent[0]).toMatchObject({ v: 1, type: 'hello' });
    expect(client.state()).toMatchObject({ status: 'connected', port: 7341, engine: { name: 'loupe-daemon' } });
  });

  it('reports an unreachable daemon with the fix, then retries with growing, capped, jittered delays', async () => {
    const { client, sockets } = setup({ random: 1 });
    client.start();
    await flush();
    const delays: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      sockets.current.drop();
      const state = client.state();
      expect(state.status).toBe('unreachable');
      if (state.status !== 'unreachable') return;
      expect(state.reason).toMatch(/start it with `loupe`/);
      delays.push(state.retryAt! - Date.now());
      vi.advanceTimersByTime(state.retryAt! - Date.now());
      await flush();
    }
    expect(sockets.sockets).toHaveLength(10);
    expect(delays.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(delays.at(-1)).toBe(30_000);
  });

  it('jitters each delay between half and all of the exponential step', () => {
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(3, () => 1)).toBe(4000);
    expect(backoffDelay(40, () => 0)).toBe(15_000);
  });

  it('does not reconnect before the backoff delay has passed', async () => {
    const { client, sockets } = await connected({ random: 0 });
    sockets.current.drop();
    expect(client.state().status).toBe('unreachable');
    vi.advanceTimersByTime(249);
    await flush();
    expect(sockets.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    await flush();
    expect(sockets.sockets).toHaveLength(2);
  });

  it('rejects every pending request when the daemon disconnects', async () => {
    const { client, sockets } = await connected();
    const a = client.analyze({ text: 'One. Two.', tasks: ['summary'], tier: 'lite' });
    const b = client.request({ type: 'ping' });
    sockets.current.drop(1011, 'crashed');
    await expect(a).rejects.toBeInstanceOf(DaemonUnavailableError);
    await expect(b).rejects.toMatchObject({ reason: 'disconnected', message: expect.stringContaining('crashed') });
  });

  it('refuses requests while not connected instead of queueing them', async () => {
    const { client } = setup({ pairing: null });
    client.start();
    await flush();
    await expect(client.request({ type: 'ping' })).rejects.toMatchObject({ reason: 'not-connected' });
  });

  it('times out a request that gets no answer and cancels it on the daemon', async () => {
    const { client, sockets } = await connected();
    const pending = client.request({ type: 'analyze', params: { text: 'x', tasks: ['bias'], tier: 'lite' } }, { timeoutMs: 5000 });
    const id = sockets.current.last('analyze')!.id;
    vi.advanceTimersByTime(5000);
    await expect(pending).rejects.toMatchObject({ reason: 'timeout' });
    expect(sockets.current.last('cancel')).toMatchObject({ target: id });
  });

  it('turns a daemon error reply into a LoupeError with its code', async () => {
    const { client, sockets } = await connected();
    const pending = client.request({ type: 'ping' });
    const id = sockets.current.last('ping')!.id;
    sockets.current.raw('not json');
    sockets.current.reply({ v: 1, type: 'error', id, ok: false, error: { code: 'overloaded', message: 'Busy, try again' } });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoupeError);
    expect(error).toMatchObject({ code: 'overloaded', message: 'Busy, try again' });
  });

  it('pings every 20 s and reconnects when a ping goes unanswered', async () => {
    const { client, sockets } = await connected();
    vi.advanceTimersByTime(20_000);
    const ping = sockets.current.last('ping')!;
    sockets.current.reply({ v: 1, type: 'result', id: ping.id, ok: true, result: { kind: 'pong' } });
    await flush();
    expect(client.state().status).toBe('connected');
    vi.advanceTimersByTime(20_000 + 10_000);
    await flush();
    expect(client.state()).toMatchObject({ status: 'unreachable', reason: expect.stringContaining('heartbeat') });
    expect(sockets.sockets[0]!.closedByClient).toBe(true);
  });

  it('sends image bytes in a binary frame with the request id', async () => {
    const { client, sockets } = await connected();
    const bytes = new Uint8Array([137, 80, 78, 71]);
    const pending = client.describeImage({ context: [], tier: 'lite', mimeType: 'image/png' }, bytes);
    const request = sockets.current.last('describe-image')!;
    expect(request).toMatchObject({ params: { byteLength: 4, mimeType: 'image/png' } });
    expect(sockets.current.binary[0]).toEqual({ id: request.id, payload: bytes });
    const description = { context: [], provenance: { engine: 'daemon' as const, tier: 'lite' as const, model: 'm', backend: 'cpu' } };
    sockets.current.reply({ v: 1, type: 'result', id: request.id, ok: true, result: { kind: 'image', description } });
    await expect(pending).resolves.toEqual(description);
  });

  it('reconnects at once with new settings and resets the backoff', async () => {
    const { client, sockets } = setup({ random: 1 });
    client.start();
    await flush();
    sockets.current.drop();
    vi.advanceTimersByTime(500);
    await flush();
    sockets.current.drop();
    const settled = client.reconnectNow();
    await flush();
    sockets.current.open();
    await expect(settled).resolves.toMatchObject({ status: 'connected' });
    sockets.current.drop();
    const state = client.state();
    expect(state.status === 'unreachable' && state.retryAt! - Date.now()).toBe(500);
  });
});
