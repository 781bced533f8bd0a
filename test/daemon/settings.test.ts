import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../daemon/settings';

const linux = { platform: 'linux' as const, homedir: '/home/ada' };

describe('loadSettings', () => {
  it('uses the documented defaults', () => {
    expect(loadSettings({}, linux)).toEqual({
      port: 7341,
      host: '127.0.0.1',
      configDir: '/home/ada/.config/loupe',
      cacheDir: '/home/ada/.cache/loupe',
      device: 'auto',
      modelMirror: 'https://huggingface.co',
      allowedOrigins: [],
      log: 'info',
    });
  });

  it('follows XDG_CONFIG_HOME and the macOS and Windows conventions', () => {
    expect(loadSettings({ XDG_CONFIG_HOME: '/x' }, linux).configDir).toBe('/x/loupe');
    const mac = loadSettings({}, { platform: 'darwin', homedir: '/Users/ada' });
    expect(mac.configDir).toBe('/Users/ada/Library/Application Support/loupe');
    expect(mac.cacheDir).toBe('/Users/ada/Library/Caches/loupe');
    const win = loadSettings(
      { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' },
      { platform: 'win32', homedir: 'C:\\Users\\ada' },
    );
    expect(win.configDir).toBe('C:\\Users\\ada\\AppData\\Roaming\\loupe');
    expect(win.cacheDir).toBe('C:\\Users\\ada\\AppData\\Local\\loupe\\cache');
  });

  it('reads every LOUPE_ variable', () => {
    const settings = loadSettings(
      {
        LOUPE_PORT: '0',
        LOUPE_CONFIG_DIR: '/c',
        LOUPE_CACHE_DIR: '/k',
        LOUPE_DEVICE: 'cuda',
        LOUPE_MODEL_MIRROR: 'http://127.0.0.1:9/',
        LOUPE_LOG: 'quiet',
        LOUPE_ALLOWED_ORIGINS: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      },
      linux,
    );
    expect(settings).toMatchObject({
      port: 0,
      configDir: '/c',
      cacheDir: '/k',
      device: 'cuda',
      modelMirror: 'http://127.0.0.1:9',
      log: 'quiet',
      allowedOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    });
  });

  it.each([
    [{ LOUPE_PORT: 'abc' }, /LOUPE_PORT.*0 to 65535/],
    [{ LOUPE_PORT: '70000' }, /LOUPE_PORT/],
    [{ LOUPE_HOST: '0.0.0.0' }, /LOUPE_HOST.*only listens on 127\.0\.0\.1/],
    [{ LOUPE_DEVICE: 'tpu' }, /LOUPE_DEVICE="tpu".*auto, cpu, cuda, webgpu/],
    [{ LOUPE_LOG: 'loud' }, /LOUPE_LOG.*info, debug, quiet/],
    [{ LOUPE_MODEL_MIRROR: 'not a url' }, /LOUPE_MODEL_MIRROR/],
    [{ LOUPE_ALLOWED_ORIGINS: 'https://evil.example' }, /LOUPE_ALLOWED_ORIGINS.*never web origins/],
    [{ LOUPE_ALLOWED_ORIGINS: '*' }, /LOUPE_ALLOWED_ORIGINS/],
    [{ LOUPE_CONFIG_DIR: 'relative/dir' }, /LOUPE_CONFIG_DIR.*absolute/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadSettings(env, linux)).toThrow(message);
  });
});
