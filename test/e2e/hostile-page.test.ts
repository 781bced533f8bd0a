import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon } from './helpers/daemon-process';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension } from './helpers/launch-browser';
import { openTab } from './helpers/tabs';

interface ProbeAttempt {
  label: string;
  events: string[];
}

describe('a web page on 127.0.0.1 reaching for the daemon', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('is refused, with or without a token, while the paired extension stays connected', async () => {
    const daemon = await startDaemon();
    const chromium = await launchWithExtension();
    const paired = await chromium.worker.evaluate((port, token) => globalThis.loupe!.pair({ port, token }), daemon.port, daemon.token);
    expect(paired.status).toBe('connected');

    // The page even holds the real token (as if it leaked): its web Origin must still be refused.
    const query = new URLSearchParams({ port: String(daemon.port), guess: 'a'.repeat(43), token: daemon.token });
    const { page } = await openTab(chromium, server.url(`e2e/hostile-page.html?${query}`));
    const attempts = await page.evaluate(() => (window as unknown as { loupeProbe: Promise<ProbeAttempt[]> }).loupeProbe);

    expect(attempts.map((a) => a.label)).toEqual(['no subprotocol', 'protocol without token', 'guessed token', 'stolen token']);
    for (const attempt of attempts) {
      expect(attempt.events, attempt.label).not.toContain('open');
      expect(
        attempt.events.some((e) => e.startsWith('message')),
        attempt.label,
      ).toBe(false);
      expect(attempt.events, attempt.label).toContain('error');
      expect(attempt.events.at(-1), attempt.label).toMatch(/^close: /);
    }
    // The daemon logs each refusal, naming the page's origin.
    const refusal = `refused WebSocket from origin ${escapeRegExp(JSON.stringify(new URL(server.url('')).origin))}`;
    await daemon.waitForOutput(new RegExp(`(${refusal}[^\\n]*\\n[\\s\\S]*){${attempts.length}}`));
    expect(daemon.output()).not.toMatch(new RegExp(`connected: ${escapeRegExp(new URL(server.url('')).origin)}`));
    expect(await chromium.worker.evaluate(() => globalThis.loupe!.daemonState().status)).toBe('connected');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
