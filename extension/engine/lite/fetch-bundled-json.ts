import { browser } from 'wxt/browser';
import { LoupeError } from '../../../shared/protocol/errors';
import { loadModelBytes } from '../load-model-bytes';
import { REBUILD_FIX } from './rebuild-fix';

/** Reads a JSON file the build copied into the extension (`/models/lite/...`). */
export async function fetchBundledJson(path: string, fetchFn: typeof fetch = fetch): Promise<unknown> {
  const bytes = await loadModelBytes(browser.runtime.getURL(path as '/'), fetchFn);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new LoupeError('model-corrupt', `${path} in the extension is not JSON (${(error as Error).message}): ${REBUILD_FIX}.`, {
      cause: error,
    });
  }
}
