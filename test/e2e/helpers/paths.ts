import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The unpacked Chrome test build the e2e tests load (the release plus the `globalThis.loupe` hooks). */
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3-test`;
/** The unpacked Chrome release build: what users load, with no test hooks. */
export const RELEASE_CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
export const CHROMIUM = '/usr/bin/chromium';
