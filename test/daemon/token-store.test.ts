import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenStore, tokensMatch } from '../../daemon/token-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-token-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('createTokenStore', () => {
  it('creates a 32-byte base64url token in a 0600 file inside a 0700 directory', async () => {
    const configDir = path.join(dir, 'config', 'loupe');
    const token = await createTokenStore(configDir).read();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect((await readFile(path.join(configDir, 'token'), 'utf8')).trim()).toBe(token);
    if (process.platform !== 'win32') {
      expect((await stat(path.join(configDir, 'token'))).mode & 0o777).toBe(0o600);
      expect((await stat(configDir)).mode & 0o777).toBe(0o700);
    }
  });

  it('returns the same token on every load, from a fresh store too', async () => {
    const first = await createTokenStore(dir).read();
    expect(await createTokenStore(dir).read()).toBe(first);
    expect(await createTokenStore(dir).read()).toBe(first);
  });

  it('rotates to a new token that later loads return', async () => {
    const store = createTokenStore(dir);
    const before = await store.read();
    const after = await store.rotate();
    expect(after).not.toBe(before);
    expect(await createTokenStore(dir).read()).toBe(after);
  });

  it('refuses a damaged token file and names the fix', async () => {
    await writeFile(path.join(dir, 'token'), 'short\n');
    await expect(createTokenStore(dir).read()).rejects.toThrow(/loupe token --rotate/);
  });
});

describe('token file permissions (POSIX)', () => {
  it('refuses a token file other users can read, naming chmod 600', async () => {
    const store = createTokenStore(dir);
    await store.read();
    await chmod(path.join(dir, 'token'), 0o644);
    await expect(store.read()).rejects.toThrow(`Run \`chmod 600 ${path.join(dir, 'token')}\``);
  });

  it('refuses a config directory other users can list, naming chmod 700', async () => {
    const store = createTokenStore(dir);
    await store.read();
    await chmod(dir, 0o755);
    await expect(store.read()).rejects.toThrow(/mode 755.*chmod 700/);
  });
});

describe('tokensMatch', () => {
  it('accepts only the exact token', () => {
    const token = 'abcDEF123_-'.repeat(4).slice(0, 43);
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token.slice(0, -1), token)).toBe(false);
    expect(tokensMatch(token + 'x', token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
  });
});
