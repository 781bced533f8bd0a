import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNativeMessage } from '../../../daemon/native-host/native-messaging';
import { CHROME_EXTENSION_ORIGIN, GECKO_ADDON_ID } from '../../../shared/extension-identity';
import { NATIVE_HOST_NAME, NativePairingReplySchema } from '../../../shared/protocol/native-pairing';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'loupe-native-host-it-'));
  env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    LOUPE_CONFIG_DIR: path.join(home, 'loupe-config'),
    LOUPE_PORT: '7399',
    LOUPE_LOG: 'quiet',
  };
});
afterAll(() => rm(home, { recursive: true, force: true }));

const loupe = (args: string[]) =>
  promisify(execFile)(process.execPath, [path.join(ROOT, 'daemon/bin/loupe.js'), ...args], { env, cwd: ROOT });

/** What a browser does: start the manifest's `path` with its arguments, write one framed request, read one framed reply. */
async function asBrowser(manifestFile: string, args: string[], request: unknown): Promise<unknown> {
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { path: string };
  // A browser started from the desktop has no LOUPE_* settings: the launcher brings them.
  const bare = Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('LOUPE_')));
  const child = spawn(manifest.path, args, { env: bare, stdio: ['pipe', 'pipe', 'inherit'] });
  const out: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stdin.write(encodeNativeMessage(request));
  await new Promise((resolve) => child.on('close', resolve));
  const reply = Buffer.concat(out);
  return JSON.parse(reply.subarray(4, 4 + reply.readUInt32LE(0)).toString('utf8'));
}

describe('`loupe pair --install`, then the browser starting the pairing helper', { timeout: 90_000 }, () => {
  it("answers Chrome with the token `loupe token` prints, and pairs a Firefox install's origin", async () => {
    const install = await loupe(['pair', '--install']);
    expect(install.stdout).toMatch(/One-step pairing: .*Google Chrome, Chromium, Firefox/);
    const token = (await loupe(['token'])).stdout.trim();

    const chrome = await asBrowser(
      path.join(home, '.config/chromium/NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`),
      [`${CHROME_EXTENSION_ORIGIN}/`],
      { type: 'pairing', origin: CHROME_EXTENSION_ORIGIN },
    );
    expect(NativePairingReplySchema.parse(chrome)).toEqual({ ok: true, token, port: 7399 });

    const origin = 'moz-extension://6f1c2b9e-4d1a-4c55-9a3e-2b7d5e8f0a11';
    const manifest = path.join(home, '.mozilla/native-messaging-hosts', `${NATIVE_HOST_NAME}.json`);
    expect(await asBrowser(manifest, [manifest, GECKO_ADDON_ID], { type: 'pairing', origin })).toEqual({ ok: true, token, port: 7399 });
    expect((await loupe(['pair', '--list'])).stdout).toContain(origin);

    const stranger = await asBrowser(manifest, [manifest, 'someone-else@example.org'], { type: 'pairing', origin });
    expect(stranger).toEqual({ ok: false, error: expect.stringMatching(/only Loupe/) });
  });
});
