import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let home: string;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'loupe-serve-output-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('what `npx loupe serve` prints', { timeout: 90_000 }, () => {
  it("is Loupe's own lines: no native provider warning with a C++ build path", async () => {
    const env = { ...process.env, LOUPE_PORT: '0', LOUPE_CONFIG_DIR: path.join(home, 'config'), LOUPE_CACHE_DIR: path.join(home, 'cache') };
    const child = spawn(process.execPath, [path.join(ROOT, 'daemon/bin/loupe.js'), 'serve'], {
      env,
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const ready = new Promise<void>((resolve, reject) => {
      const take = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Press Ctrl\+C to stop/.test(output)) resolve();
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('exit', () => reject(new Error(`loupe serve exited early:\n${output}`)));
    });
    await ready;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('close', resolve));
    expect(output).toMatch(/execution provider: \w+ \(/);
    expect(output).not.toMatch(/\.cpp:\d+|^Warning:/mu);
    for (const line of output.split('\n').filter(Boolean))
      expect(line, "every line is the daemon's").toMatch(/^(\[loupe\]|Loupe daemon|WebSocket:|Token:|Lite models:|Extension:| {2}\S)/u);
  });

  it("through npx, npm has no warning about the project's configuration", async () => {
    const { stdout, stderr } = await promisify(execFile)('npx', ['--offline', 'loupe', '--version'], {
      cwd: ROOT,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/u);
    expect(stderr).not.toMatch(/npm warn/iu);
  });
});
