import { browser } from 'wxt/browser';
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { LoupeError } from '../../../shared/protocol/errors';
import { contentMessenger, type ContentProtocol } from '../../lib/messaging/content-protocol';

const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

const OFF_LIMITS =
  "Loupe can't read this page: browser pages (chrome://, about:, the extension stores, the PDF viewer) are off limits. Try it on a regular web page.";

/**
 * Sends a message to the tab's content script. Tabs opened before Loupe was installed have no
 * content script yet, so on "no receiver" it is injected once and the message sent again.
 */
export async function sendToTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  data: GetDataType<ContentProtocol[K]>,
): Promise<GetReturnType<ContentProtocol[K]>> {
  const send = () =>
    (contentMessenger.sendMessage as (t: K, d: unknown, tab: number) => Promise<GetReturnType<ContentProtocol[K]>>)(type, data, tabId);
  try {
    return await send();
  } catch (error) {
    if (!isNoReceiver(error)) throw error;
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    } catch (injectError) {
      throw new LoupeError('no-article', OFF_LIMITS, { cause: injectError });
    }
    return send();
  }
}

function isNoReceiver(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /No response|Receiving end does not exist|Could not establish connection/i.test(message);
}
