import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/** Everything a build is made from: a change to any of these makes it stale. */
const SOURCES = ['extension', 'shared', 'models/lite', 'build', 'wxt.config.ts'];

/**
 * Which package: the release (what users install, `npm run build`) or the test build (`wxt build
 * --mode test`), which adds the `globalThis.loupe` hooks the browser tests drive it through.
 */
export interface BuildTarget {
  readonly browser: 'chrome' | 'firefox';
  readonly mode: 'production' | 'test';
}

/** The unpacked package WXT writes for `target` (`.output/chrome-mv3`, `.output/chrome-mv3-test`...). */
export function buildDir(target: BuildTarget): string {
  return join(ROOT, '.output', `${target.browser}-mv3${target.mode === 'test' ? '-test' : ''}`);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** (Re)builds `target` when it is missing or older than its sources. */
export function ensureBuilt(target: BuildTarget): void {
  const manifest = join(buildDir(target), 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (builtAt > 0 && !SOURCES.some((source) => newestMtime(join(ROOT, source)) > builtAt)) return;
  const args = [
    'build',
    ...(target.browser === 'firefox' ? ['-b', 'firefox', '--mv3'] : []),
    ...(target.mode === 'test' ? ['--mode', 'test'] : []),
  ];
  console.log(`[e2e] building the ${target.browser} extension (wxt ${args.join(' ')})...`);
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), args, { cwd: ROOT, stdio: 'inherit' });
}
