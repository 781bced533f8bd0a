import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The unpacked Chrome build the e2e tests load. */
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
export const CHROMIUM = '/usr/bin/chromium';
