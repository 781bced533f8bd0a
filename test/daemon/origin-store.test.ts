import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity';
import { createOriginStore, loadAllowedOrigins } from '../../daemon/origin-store';

const FIREFOX = 'moz-extension://0f3e3a1c-6d0a-4e8b-9a51-2f4c7d8e9b10';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-origins-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('createOriginStore', () => {
  it('pairs a Firefox origin once and lists it with the Chrome origin', async () => {
    const store = createOriginStore(dir);
    expect(await store.pair(FIREFOX.toUpperCase().replace('MOZ-EXTENSION', 'moz-extension'))).toBe(true);
    expect(await store.pair(FIREFOX)).toBe(false);
    expect([...(await loadAllowedOrigins(createOriginStore(dir), []))]).toEqual([CHROME_EXTENSION_ORIGIN, FIREFOX]);
  });

  it.each(['http://evil.example', 'null', '*', 'moz-extension://*'])('refuses to pair %s', async (origin) => {
    await expect(createOriginStore(dir).pair(origin)).rejects.toThrow(/Cannot pair/);
  });

  it('rejects a config file with a wildcard entry, saying why', async () => {
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ pairedOrigins: ['*'] }));
    await expect(createOriginStore(dir).listPaired()).rejects.toThrow(/wildcard origin "\*" is never allowed/);
  });

  it('rejects a config file that is not JSON, naming the file', async () => {
    await writeFile(path.join(dir, 'config.json'), '{nope');
    await expect(createOriginStore(dir).listPaired()).rejects.toThrow(path.join(dir, 'config.json'));
  });

  it('unpairs', async () => {
    const store = createOriginStore(dir);
    await store.pair(FIREFOX);
    expect(await store.unpair(FIREFOX)).toBe(true);
    expect(await store.listPaired()).toEqual([]);
  });
});
