import { mkdtemp, readFile, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCompiledCli, COMPILED_CLI_MANIFEST, sha256Of, type CompiledCliManifest } from '../../../daemon/bin/check-compiled-cli';

let root: string;
let dist: string;

/** A checkout of two source files and a compiled folder whose manifest records them as they are. */
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'loupe-compiled-cli-'));
  dist = path.join(root, 'dist/cli');
  await mkdir(path.join(root, 'daemon'), { recursive: true });
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(root, 'daemon/cli.ts'), 'export const main = () => 0;\n');
  await writeFile(path.join(root, 'daemon/logger.ts'), 'export const level = "info";\n');
  const inputs = [];
  for (const file of ['daemon/cli.ts', 'daemon/logger.ts']) {
    const bytes = await readFile(path.join(root, file));
    inputs.push({ path: file, size: bytes.length, mtimeMs: (await stat(path.join(root, file))).mtimeMs, sha256: sha256Of(bytes) });
  }
  const manifest: CompiledCliManifest = { format: 'loupe-compiled-cli', entry: 'cli-ABC.js', outputs: ['cli-ABC.js'], inputs };
  await writeFile(path.join(dist, COMPILED_CLI_MANIFEST), JSON.stringify(manifest));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('checkCompiledCli', () => {
  it('trusts a compiled CLI built from the sources as they are, and names its entry', () => {
    const check = checkCompiledCli(dist, root);
    expect(check).toEqual({ current: true, entry: new URL(`file://${path.join(dist, 'cli-ABC.js')}`) });
  });

  it('still trusts it when a checkout rewrote a file without changing it', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(root, 'daemon/logger.ts'), later, later);
    expect(checkCompiledCli(dist, root).current).toBe(true);
  });

  it('runs the sources instead once a file changed, even with its old size and time, and says which', async () => {
    const file = path.join(root, 'daemon/logger.ts');
    const before = await stat(file);
    await writeFile(file, 'export const level = "warn";\n');
    await utimes(file, before.atime, before.mtime);
    expect((await stat(file)).size).toBe(before.size);
    expect(checkCompiledCli(dist, root)).toEqual({ current: false, reason: 'daemon/logger.ts changed since dist/cli was built' });
  });

  it('runs the sources when a file is gone, the manifest is missing or it is not a manifest', async () => {
    await rm(path.join(root, 'daemon/cli.ts'));
    expect(checkCompiledCli(dist, root)).toEqual({ current: false, reason: 'daemon/cli.ts is gone since dist/cli was built' });
    await writeFile(path.join(dist, COMPILED_CLI_MANIFEST), '{"format":"something else"}');
    expect(checkCompiledCli(dist, root)).toEqual({ current: false, reason: 'dist/cli/manifest.json is unreadable' });
    await rm(dist, { recursive: true });
    expect(checkCompiledCli(dist, root)).toEqual({ current: false, reason: 'dist/cli is not built' });
  });
});
