import { describe, expect, it } from 'vitest';
import { answerPairing, callerOf } from '../../../daemon/native-host/answer-pairing';
import { CHROME_EXTENSION_ORIGIN, GECKO_ADDON_ID } from '../../../shared/extension-identity';

const TOKEN = 'a'.repeat(43);
const FIREFOX_ORIGIN = 'moz-extension://6f1c2b9e-4d1a-4c55-9a3e-2b7d5e8f0a11';

function deps(args: string[], port = 7341) {
  const paired: string[] = [];
  return {
    paired,
    deps: {
      args,
      port,
      readToken: async () => TOKEN,
      origins: {
        pair: async (origin: string) => {
          paired.push(origin);
          return true;
        },
      },
    },
  };
}

describe('the pairing helper', () => {
  it('answers Chrome with the token and port, and pairs nothing (the Chrome origin is always allowed)', async () => {
    const { deps: d, paired } = deps([`${CHROME_EXTENSION_ORIGIN}/`, '--parent-window=0']);
    expect(await answerPairing({ type: 'pairing', origin: CHROME_EXTENSION_ORIGIN }, d)).toEqual({ ok: true, token: TOKEN, port: 7341 });
    expect(paired).toEqual([]);
  });

  it("pairs a Firefox install's own origin as it answers", async () => {
    const { deps: d, paired } = deps(['/home/u/.mozilla/native-messaging-hosts/local.loupe.pairing.json', GECKO_ADDON_ID]);
    expect(await answerPairing({ type: 'pairing', origin: FIREFOX_ORIGIN }, d)).toEqual({ ok: true, token: TOKEN, port: 7341 });
    expect(paired).toEqual([FIREFOX_ORIGIN]);
  });

  it('answers no other extension, and no malformed request', async () => {
    expect(callerOf(['chrome-extension://abcdefghijklmnopabcdefghijklmnop/'])).toBeUndefined();
    const stranger = await answerPairing(
      { type: 'pairing', origin: 'x' },
      deps(['chrome-extension://abcdefghijklmnopabcdefghijklmnop/']).deps,
    );
    expect(stranger).toEqual({ ok: false, error: expect.stringMatching(/only Loupe/) });
    const malformed = await answerPairing({ type: 'token please' }, deps([`${CHROME_EXTENSION_ORIGIN}/`]).deps);
    expect(malformed.ok).toBe(false);
  });

  it('says to paste by hand when the daemon picks a random port', async () => {
    const reply = await answerPairing({ type: 'pairing', origin: CHROME_EXTENSION_ORIGIN }, deps([`${CHROME_EXTENSION_ORIGIN}/`], 0).deps);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/LOUPE_PORT=0.*paste the token/) });
  });

  it('passes on why a Firefox origin cannot be paired', async () => {
    const d = {
      ...deps([GECKO_ADDON_ID]).deps,
      origins: {
        pair: async () => {
          throw new Error('Cannot pair "https://evil.example" is not an extension origin');
        },
      },
    };
    expect(await answerPairing({ type: 'pairing', origin: 'https://evil.example' }, d)).toEqual({
      ok: false,
      error: expect.stringMatching(/not an extension origin/),
    });
  });
});
