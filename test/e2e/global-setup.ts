import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, CHROMIUM, ROOT } from './helpers/paths';

/** Everything the Chrome build is made from: a change to any of these makes the build stale. */
const SOURCES = ['extension', 'shared', 'models/lite', 'wxt.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function buildIsStale(): boolean {
  const manifest = join(CHROME_BUILD, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const builtAt = statSync(manifest).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > builtAt);
}

/** Checks for Chromium and (re)builds the Chrome extension when it is missing or stale. */
export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The e2e tests drive Debian's Chromium at ${CHROMIUM}, which is missing: apt-get install -y chromium`);
  }
  if (!buildIsStale()) return;
  console.log('[e2e] building the Chrome extension (wxt build)...');
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
}
