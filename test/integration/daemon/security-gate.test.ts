import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineInfoSchema } from '../../../shared/protocol/messages';
import { createOriginStore } from '../../../daemon/origin-store';
import { createTokenStore } from '../../../daemon/token-store';
import { openSocket, startTestDaemon, type ConnectOptions, type TestDaemon } from './test-daemon';

let daemon: TestDaemon;
beforeEach(async () => {
  daemon = await startTestDaemon();
});
afterEach(() => daemon.stop());

async function restart(overrides: Parameters<typeof startTestDaemon>[0]): Promise<void> {
  await daemon.stop();
  daemon = await startTestDaemon(overrides);
}

const refusal = (options: ConnectOptions) =>
  openSocket(daemon, options).then(
    (ws) => {
      ws.close();
      throw new Error('the daemon accepted a connection it should have refused');
    },
    (error: { status?: number; body?: string }) => error,
  );

describe('daemon socket gate (real server)', () => {
  it('accepts the Chrome extension origin with the token and answers with the Loupe subprotocol only', async () => {
    const ws = await openSocket(daemon);
    expect(ws.protocol).toBe('loupe.v1');
    ws.close();
  });

  it.each<[string, ConnectOptions, number]>([
    ['a web origin', { origin: 'http://evil.example' }, 403],
    ['the null origin', { origin: 'null' }, 403],
    ['a rebound Host', { host: 'evil.com:7341' }, 403],
    ['no token', { token: null }, 401],
    ['a wrong token', { token: 'x'.repeat(43) }, 401],
  ])('refuses %s before the upgrade, with a plain reason', async (_name, options, status) => {
    const error = await refusal(options);
    expect(error.status).toBe(status);
    expect(error.body?.length).toBeGreaterThan(10);
    expect(daemon.logs.some((line) => line.includes(`refused WebSocket`) && line.includes(String(status)))).toBe(true);
  });

  it('refuses the right host on the wrong port', async () => {
    const error = await refusal({ host: `127.0.0.1:${daemon.server.port + 1}` });
    expect(error.status).toBe(403);
  });

  it('tells a client without the token how to get one', async () => {
    const error = await refusal({ token: null });
    expect(error.body).toContain('loupe token');
  });

  it('answers 429 to wrong-token attempts after ten failures, while the extension with the token still connects', async () => {
    await restart({ globalRateLimit: { maxFailures: 10 } });
    for (let i = 0; i < 10; i++) expect((await refusal({ origin: 'http://evil.example', token: `guess${i}` })).status).toBe(403);
    expect((await refusal({ origin: 'http://evil.example', token: 'guess' })).status).toBe(429);
    const ws = await openSocket(daemon);
    ws.close();
  });

  it('never delays a correct-token upgrade, however many wrong-token attempts forge the extension’s Origin', async () => {
    for (let i = 0; i < 100; i++) await refusal({ token: `forged${i}` });
    expect((await refusal({ token: 'forged' })).status).toBe(429);
    for (let i = 0; i < 3; i++) {
      const ws = await openSocket(daemon);
      expect(ws.protocol).toBe('loupe.v1');
      ws.close();
    }
  });

  it('does not count refusals of clients that present the token', async () => {
    for (let i = 0; i < 15; i++) expect((await refusal({ origin: 'http://127.0.0.1:8080' })).status).toBe(403);
    expect((await refusal({ token: 'wrong' })).status).toBe(401);
  });

  it('accepts a Firefox origin only once it is paired, without a restart', async () => {
    const firefox = 'moz-extension://0f3e3a1c-6d0a-4e8b-9a51-2f4c7d8e9b10';
    expect((await refusal({ origin: firefox })).status).toBe(403);
    await createOriginStore(daemon.configDir).pair(firefox);
    const ws = await openSocket(daemon, { origin: firefox });
    ws.close();
  });

  it('answers GET / with the engine info and other paths with a 404 that does not echo the path', async () => {
    const info = await fetch(daemon.server.url + '/');
    expect(info.status).toBe(200);
    const body = EngineInfoSchema.parse(await info.json());
    expect(body).toMatchObject({ name: 'loupe', protocol: 1, device: { backend: 'cpu' } });
    const missing = await fetch(daemon.server.url + '/%3Cscript%3Eecho-me');
    expect(missing.status).toBe(404);
    expect(JSON.stringify(await missing.json())).not.toContain('echo-me');
    const upgrade = await refusal({ path: '/echo-me' });
    expect(upgrade.status).toBe(404);
    expect(upgrade.body).not.toContain('echo-me');
  });

  it('keeps log lines bounded under a flood of refusals with huge forged headers', async () => {
    const origin = 'http://evil.example/' + 'x'.repeat(6000);
    for (let i = 0; i < 40; i++) await refusal({ origin, token: `t${i}` });
    const refusals = daemon.logs.filter((line) => line.includes('refused'));
    expect(refusals.length).toBeLessThanOrEqual(21);
    for (const line of refusals) expect(line.length).toBeLessThan(600);
  });

  it('closes sessions opened with the old token when the token is rotated', async () => {
    const ws = await openSocket(daemon);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    const fresh = await createTokenStore(daemon.configDir).rotate();
    expect(await closed).toMatchObject({ code: 1008, reason: expect.stringContaining('rotated') });
    expect((await refusal({})).status).toBe(401);
    const again = await openSocket(daemon, { token: fresh });
    again.close();
  });
});

describe('unauthenticated connections', () => {
  it('drops the oldest half-open connection beyond the cap, and the extension still connects', async () => {
    const small = await startTestDaemon({ limits: { maxPendingConnections: 4 } });
    try {
      const idle = await Promise.all(
        Array.from({ length: 8 }, () => rawConnection(small.server.port, 'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n')),
      );
      await Promise.all(idle.slice(0, 4).map((socket) => socket.closed));
      const ws = await openSocket(small);
      ws.close();
      for (const { socket } of idle) socket.destroy();
    } finally {
      await small.stop();
    }
  });

  it('closes connections that never finish their request, or never send a byte', async () => {
    const quick = await startTestDaemon({ limits: { headersTimeoutMs: 200 } });
    try {
      const partial = await rawConnection(quick.server.port, 'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const silent = await rawConnection(quick.server.port, '');
      await Promise.all([partial.closed, silent.closed]);
    } finally {
      await quick.stop();
    }
  });
});

/** A TCP connection that sends `partial` and then nothing: resolves once connected. */
function rawConnection(port: number, partial: string): Promise<{ socket: net.Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(partial);
      resolve({ socket, closed: new Promise((done) => socket.once('close', () => done())) });
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
    // Read whatever the daemon answers, so that its closing the connection is seen.
    socket.resume();
  });
}

describe('daemon start-up', () => {
  it('says another daemon may be running when the port is taken', async () => {
    const first = await startTestDaemon();
    try {
      await expect(startTestDaemon({ settings: { host: '127.0.0.1', port: first.server.port } })).rejects.toThrow(
        /in use: another Loupe daemon may be running.*LOUPE_PORT/,
      );
    } finally {
      await first.stop();
    }
  });
});
