import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { LOUPE_SUBPROTOCOL, tokenSubprotocol } from '../../shared/protocol/handshake';
import { checkUpgrade, type GatePolicy } from '../../daemon/security-gate';
import { tokensMatch } from '../../daemon/token-store';

const TOKEN = 'A'.repeat(43);
const FIREFOX = 'moz-extension://0f3e3a1c-6d0a-4e8b-9a51-2f4c7d8e9b10';
const policy = (extra: string[] = []): GatePolicy => ({
  port: 7341,
  allowedOrigins: new Set([CHROME_EXTENSION_ORIGIN, ...extra]),
  tokenMatches: (t) => tokensMatch(t, TOKEN),
});

function request(overrides: { host?: string; origin?: string | null; protocols?: string | null; url?: string } = {}) {
  const headers: Record<string, string> = { host: overrides.host ?? '127.0.0.1:7341' };
  if (overrides.origin !== null) headers.origin = overrides.origin ?? CHROME_EXTENSION_ORIGIN;
  if (overrides.protocols !== null)
    headers['sec-websocket-protocol'] = overrides.protocols ?? `${LOUPE_SUBPROTOCOL}, ${tokenSubprotocol(TOKEN)}`;
  return { url: overrides.url ?? '/ws', headers };
}

describe('checkUpgrade', () => {
  const cases: Array<[string, Parameters<typeof request>[0], number | 'ok', string[]?]> = [
    ['the Chrome extension with the token', {}, 'ok'],
    ['localhost with the right port', { host: 'localhost:7341' }, 'ok'],
    ['[::1] with the right port', { host: '[::1]:7341' }, 'ok'],
    ['a web origin', { origin: 'http://evil.example' }, 403],
    ['a web origin on loopback', { origin: 'http://127.0.0.1:8080' }, 403],
    ['the "null" origin', { origin: 'null' }, 403],
    ['no origin at all', { origin: null }, 403],
    ['a rebound Host (evil.com:7341)', { host: 'evil.com:7341' }, 403],
    ['the right host on the wrong port', { host: '127.0.0.1:9999' }, 403],
    ['a Host without a port', { host: '127.0.0.1' }, 403],
    ['no token', { protocols: LOUPE_SUBPROTOCOL }, 401],
    ['a wrong token', { protocols: `${LOUPE_SUBPROTOCOL}, ${tokenSubprotocol('B'.repeat(43))}` }, 401],
    ['a token that is a prefix of the real one', { protocols: `${LOUPE_SUBPROTOCOL}, ${tokenSubprotocol('A'.repeat(42))}` }, 401],
    ['no Loupe subprotocol', { protocols: tokenSubprotocol(TOKEN) }, 400],
    ['another path', { url: '/other' }, 404],
    ['an unpaired Firefox origin', { origin: FIREFOX }, 403],
    ['a paired Firefox origin', { origin: FIREFOX }, 'ok', [FIREFOX]],
  ];

  it.each(cases)('%s', (_name, overrides, expected, extra) => {
    const decision = checkUpgrade(request(overrides), policy(extra));
    if (expected === 'ok') expect(decision).toEqual({ ok: true });
    else expect(decision).toMatchObject({ ok: false, status: expected });
  });

  it('tells the user how to fix a missing token', () => {
    const decision = checkUpgrade(request({ protocols: LOUPE_SUBPROTOCOL }), policy());
    expect(decision.ok ? '' : decision.reason).toContain('loupe token');
  });

  it('checks the Host before the token, so a rebinding page learns nothing about the token', () => {
    const decision = checkUpgrade(
      request({ host: 'evil.com:7341', protocols: `${LOUPE_SUBPROTOCOL}, ${tokenSubprotocol('x')}` }),
      policy(),
    );
    expect(decision).toMatchObject({ ok: false, status: 403 });
    expect(decision.ok ? '' : decision.reason).toContain('Host');
  });
});
