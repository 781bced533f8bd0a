import { afterEach, describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../../shared/limits';
import { LoupeError } from '../../../shared/protocol/errors';
import type { ServerMessage } from '../../../shared/protocol/messages';
import { createMemoryLogger } from '../../../daemon/logger';
import { createLiteWorkerPool, type LiteWorkerPool } from '../../../daemon/lite-pool/lite-worker-pool';
import type { AnalyzeFn } from '../../../daemon/server/server-deps';
import { messageLog, openSocket, sendJson, startTestDaemon, type TestDaemon } from './test-daemon';

let daemon: TestDaemon | undefined;
let pool: LiteWorkerPool | undefined;
afterEach(async () => {
  await daemon?.stop();
  await pool?.close();
  daemon = pool = undefined;
});

const BUSY_WORKER = new URL('../../daemon/lite-pool/busy-worker.mjs', import.meta.url);

function startPool(entry?: URL): LiteWorkerPool {
  pool = createLiteWorkerPool({
    size: 1,
    workerData: { engine: 'daemon', models: 'rules' },
    maxHeapMb: 512,
    logger: createMemoryLogger(),
    ...(entry ? { entry } : {}),
  });
  return pool;
}

async function client() {
  const ws = await openSocket(daemon!);
  return { ws, log: messageLog(ws) };
}

/** Resolves with the ids of `ids`' final replies in the order they arrived. */
async function arrivalOrder(log: ReturnType<typeof messageLog>[], ids: string[]): Promise<string[]> {
  const order: string[] = [];
  await Promise.all(
    ids.map(async (id, i) => {
      await log[i]!.reply(id);
      order.push(id);
    }),
  );
  return order;
}

const waitsForAbort: AnalyzeFn = (_params, { signal }) =>
  new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new LoupeError('cancelled', 'stopped')), { once: true }));

describe('no request can stall the daemon', () => {
  it('answers another client’s ping while a 2,000,000-character analysis runs, then answers the big one', async () => {
    daemon = await startTestDaemon({ analyze: startPool().analyze });
    const [big, other] = [await client(), await client()];
    const text = 'The vote passed. '.repeat(Math.floor(INPUT_LIMITS.maxTextChars / 17));
    sendJson(big.ws, { v: 1, id: 'big', type: 'analyze', params: { text, tasks: ['summary', 'entities', 'bias'] } });
    await big.log.waitFor((m) => m.type === 'progress' && m.id === 'big');
    sendJson(other.ws, { v: 1, id: 'ping', type: 'ping' });
    expect(await arrivalOrder([other.log, big.log], ['ping', 'big'])).toEqual(['ping', 'big']);
    expect(await big.log.reply('big')).toMatchObject({
      ok: false,
      error: { code: 'input-too-large', message: expect.stringContaining('sentence limit') },
    });
  });

  it('stops a request stuck in synchronous code at its deadline, answers timeout, and serves the next one', async () => {
    daemon = await startTestDaemon({ analyze: startPool(BUSY_WORKER).analyze, limits: { requestDeadlineMs: 300 } });
    const { ws, log } = await client();
    sendJson(ws, { v: 1, id: 'spin', type: 'analyze', params: { text: 'spin', tasks: ['summary'] } });
    expect(await log.reply('spin')).toMatchObject({ ok: false, error: { code: 'timeout', message: expect.stringContaining('limit') } });
    sendJson(ws, { v: 1, id: 'next', type: 'analyze', params: { text: 'echo', tasks: ['summary'] } });
    expect(await log.reply('next')).toMatchObject({
      ok: true,
      result: { kind: 'analysis', analysis: { summary: { sentences: [{ text: 'echo' }] } } },
    });
    expect(pool!.stats().replaced).toBe(1);
  });

  it('a cancel stops a request stuck in synchronous code: the cancel is answered and the worker is free again', async () => {
    daemon = await startTestDaemon({ analyze: startPool(BUSY_WORKER).analyze });
    const { ws, log } = await client();
    sendJson(ws, { v: 1, id: 'spin', type: 'analyze', params: { text: 'spin', tasks: ['summary'] } });
    await log.waitFor((m) => m.type === 'progress' && m.id === 'spin');
    sendJson(ws, { v: 1, id: 'stop', type: 'cancel', target: 'spin' });
    expect(await log.reply('spin')).toMatchObject({ error: { code: 'cancelled' } });
    expect(await log.reply('stop')).toMatchObject({ ok: true, result: { kind: 'cancelled' } });
    sendJson(ws, { v: 1, id: 'next', type: 'analyze', params: { text: 'echo', tasks: ['summary'] } });
    expect(await log.reply('next')).toMatchObject({ ok: true });
  });

  it('bounds requests across connections: beyond the global limit a client is told overloaded with a retry hint', async () => {
    daemon = await startTestDaemon({ analyze: waitsForAbort, limits: { maxGlobalInFlight: 2 } });
    const clients = [await client(), await client(), await client()];
    const params = { text: 'A sentence.', tasks: ['summary'] };
    sendJson(clients[0]!.ws, { v: 1, id: 'a', type: 'analyze', params });
    sendJson(clients[1]!.ws, { v: 1, id: 'b', type: 'analyze', params });
    sendJson(clients[2]!.ws, { v: 1, id: 'c', type: 'analyze', params });
    const refused = (await clients[2]!.log.reply('c')) as Extract<ServerMessage, { type: 'error' }>;
    expect(refused.error).toMatchObject({ code: 'overloaded', retryAfterMs: expect.any(Number) });
    sendJson(clients[0]!.ws, { v: 1, id: 'stop-a', type: 'cancel', target: 'a' });
    await clients[0]!.log.reply('a');
    sendJson(clients[2]!.ws, { v: 1, id: 'c2', type: 'analyze', params });
    sendJson(clients[2]!.ws, { v: 1, id: 'p', type: 'ping' });
    expect(await clients[2]!.log.reply('p')).toMatchObject({ ok: true });
    expect(clients[2]!.log.messages.find((m) => m.id === 'c2' && m.type === 'error')).toBeUndefined();
  });
});
