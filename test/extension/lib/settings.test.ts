import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parsePairingInput,
  PORT_RANGE_MESSAGE,
  saveSettings,
  SETTINGS_KEY,
} from '../../../extension/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('starts unpaired on port-less defaults with every task on auto', async () => {
    const settings = await loadSettings(fakeBrowser.storage.local);
    expect(settings.pairing).toBeNull();
    expect(settings.routing).toEqual({ summary: 'auto', entities: 'auto', bias: 'auto', captions: 'auto' });
    expect(settings.accessibilityMode).toBe(false);
  });

  it('reads settings stored before the accessibility mode existed, with the mode off', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { pairing: null, routing: DEFAULT_SETTINGS.routing } });
    expect((await loadSettings(fakeBrowser.storage.local)).accessibilityMode).toBe(false);
  });

  it('round-trips a pairing and routing through storage', async () => {
    const saved = {
      pairing: { port: 7400, token: 'x'.repeat(43) },
      routing: { ...DEFAULT_SETTINGS.routing, bias: 'daemon' as const },
      accessibilityMode: true,
    };
    await saveSettings(fakeBrowser.storage.local, saved);
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual(saved);
  });

  it('refuses to save a token too short to be one printed by `loupe token`', async () => {
    await expect(saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, pairing: { port: 7341, token: 'abc' } })).rejects.toThrow(
      /loupe token/,
    );
  });

  it('checks what was typed in Options with a plain message naming the valid port range', () => {
    const token = 'x'.repeat(43);
    expect(parsePairingInput(' 7341 ', token)).toEqual({ ok: true, value: { port: 7341, token } });
    for (const port of ['70000', '0', '-1', '73.5', 'abc', ''])
      expect(parsePairingInput(port, token)).toEqual({ ok: false, error: PORT_RANGE_MESSAGE });
    expect(PORT_RANGE_MESSAGE).toMatch(/from 1 to 65535/);
    expect(parsePairingInput('7341', 'short')).toEqual({ ok: false, error: expect.stringMatching(/npx loupe token/) });
  });

  it('falls back to defaults, with a warning, when stored settings are corrupt', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { pairing: { port: 'nope' } } });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('stored settings are invalid'));
    warn.mockRestore();
  });
});
