import { existsSync } from 'node:fs';
import { ensureBuilt } from './helpers/extension-builds';
import { CHROMIUM } from './helpers/paths';

/** Checks for Chromium and (re)builds the Chrome test and release packages when missing or stale. */
export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The e2e tests drive Debian's Chromium at ${CHROMIUM}, which is missing: apt-get install -y chromium`);
  }
  ensureBuilt({ browser: 'chrome', mode: 'test' });
  ensureBuilt({ browser: 'chrome', mode: 'production' });
}
