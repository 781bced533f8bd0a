import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  askPairingHelper,
  createPairingSource,
  HELPER_MISSING,
  type HelperAnswer,
} from '../../../extension/entrypoints/background/native-pairing';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../extension/lib/settings';
import { NATIVE_HOST_NAME } from '../../../shared/protocol/native-pairing';

const TOKEN = 'T'.repeat(43);
beforeEach(() => {
  fakeBrowser.reset();
});

describe('asking the pairing helper', () => {
  it('sends a pairing request naming the extension origin and reads the token and port', async () => {
    const sent: unknown[] = [];
    const answer = await askPairingHelper(async (app, message) => {
      sent.push([app, message]);
      return { ok: true, token: TOKEN, port: 7341 };
    }, 'moz-extension://abc');
    expect(sent).toEqual([[NATIVE_HOST_NAME, { type: 'pairing', origin: 'moz-extension://abc' }]]);
    expect(answer).toEqual({ ok: true, pairing: { token: TOKEN, port: 7341 } });
  });

  it('says how to register the helper when the browser finds none (Chrome and Firefox wordings)', async () => {
    for (const message of ['Specified native messaging host not found.', 'No such native application local.loupe.pairing']) {
      expect(
        await askPairingHelper(async () => {
          throw new Error(message);
        }, 'x'),
      ).toEqual({ ok: false, error: HELPER_MISSING });
    }
    expect(HELPER_MISSING).toMatch(/npm start.*npx loupe pair --install.*paste the token/);
  });

  it("passes on the helper's own refusal, and refuses an answer it cannot read", async () => {
    expect(await askPairingHelper(async () => ({ ok: false, error: 'LOUPE_PORT=0' }), 'x')).toEqual({ ok: false, error: 'LOUPE_PORT=0' });
    const odd = await askPairingHelper(async () => ({ token: 'short' }), 'x');
    expect(odd.ok).toBe(false);
  });
});

describe('the pairing source', () => {
  const local = () => fakeBrowser.storage.local;

  it('fetches the pairing from the helper once when none is stored, and stores it like a pasted one', async () => {
    let asks = 0;
    const source = createPairingSource({
      area: local(),
      ask: async (): Promise<HelperAnswer> => {
        asks += 1;
        return { ok: true, pairing: { token: TOKEN, port: 7341 } };
      },
    });
    expect(await source.load()).toEqual({ token: TOKEN, port: 7341 });
    expect((await loadSettings(local())).pairing).toEqual({ token: TOKEN, port: 7341 });
    expect(source.inUse({ token: TOKEN, port: 7341 })).toBe(true);
    await source.load();
    expect(asks).toBe(1);
  });

  it('keeps a pasted token and never asks the helper while one is stored', async () => {
    await saveSettings(local(), { ...DEFAULT_SETTINGS, pairing: { token: 'P'.repeat(43), port: 7400 } });
    let asks = 0;
    const source = createPairingSource({
      area: local(),
      ask: async (): Promise<HelperAnswer> => {
        asks += 1;
        return { ok: false, error: 'x' };
      },
    });
    expect(await source.load()).toEqual({ token: 'P'.repeat(43), port: 7400 });
    expect(asks).toBe(0);
  });

  it('asks only once without a helper, so a browser-only user is not asked on every reconnect', async () => {
    let asks = 0;
    const source = createPairingSource({
      area: local(),
      ask: async (): Promise<HelperAnswer> => {
        asks += 1;
        return { ok: false, error: HELPER_MISSING };
      },
    });
    expect(await source.load()).toBeNull();
    expect(await source.load()).toBeNull();
    expect(asks).toBe(1);
  });

  it('after the daemon refuses, asks again once and stores a rotated token', async () => {
    await saveSettings(local(), { ...DEFAULT_SETTINGS, pairing: { token: 'O'.repeat(43), port: 7341 } });
    let asks = 0;
    const source = createPairingSource({
      area: local(),
      ask: async (): Promise<HelperAnswer> => {
        asks += 1;
        return { ok: true, pairing: { token: TOKEN, port: 7341 } };
      },
    });
    await source.load();
    await source.onUnreachable();
    await source.onUnreachable();
    expect(asks).toBe(1);
    expect((await loadSettings(local())).pairing?.token).toBe(TOKEN);
    source.onConnected();
    await source.onUnreachable();
    expect(asks).toBe(2);
  });
});
