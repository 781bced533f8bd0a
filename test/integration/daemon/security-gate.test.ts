import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineInfoSchema } from '../../../shared/protocol/messages';
import { createOriginStore } from '../../../daemon/origin-store';
import { openSocket, startTestDaemon, type ConnectOptions, type TestDaemon } from './test-daemon';

let daemon: TestDaemon;
beforeEach(async () => {
  daemon = await startTestDaemon();
});
afterEach(() => daemon.stop());

const refusal = (options: ConnectOptions) => openSocket(daemon, options).then(
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

  it('answers 429 after ten failures from one origin, while the extension still connects', async () => {
    for (let i = 0; i < 10; i++) expect((await refusal({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await refusal({ origin: 'http://evil.example' })).status).toBe(429);
    const ws = await openSocket(daemon);
    ws.close();
  });

  it('blocks token guessing from an allowed origin after ten wrong tokens', async () => {
    for (let i = 0; i < 10; i++) expect((await refusal({ token: `guess${i}` })).status).toBe(401);
    expect((await refusal({})).status).toBe(429);
  });

  it('accepts a Firefox origin only once it is paired, without a restart', async () => {
    const firefox = 'moz-extension://0f3e3a1c-6d0a-4e8b-9a51-2f4c7d8e9b10';
    expect((await refusal({ origin: firefox })).status).toBe(403);
    await createOriginStore(daemon.configDir).pair(firefox);
    const ws = await openSocket(daemon, { origin: firefox });
    ws.close();
  });

  it('answers GET / with the engine info and other paths with 404 JSON', async () => {
    const info = await fetch(daemon.server.url + '/');
    expect(info.status).toBe(200);
    const body = EngineInfoSchema.parse(await info.json());
    expect(body).toMatchObject({ name: 'loupe', protocol: 1, device: { backend: 'cpu' } });
    const missing = await fetch(daemon.server.url + '/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toHaveProperty('error');
  });
});

describe('daemon start-up', () => {
  it('says another daemon may be running when the port is taken', async () => {
    const first = await startTestDaemon();
    try {
      await expect(startTestDaemon({ settings: { host: '127.0.0.1', port: first.server.port } })).rejects.toThrow(/in use: another Loupe daemon may be running.*LOUPE_PORT/);
    } finally {
      await first.stop();
    }
  });
});
