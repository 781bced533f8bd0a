import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAccessibilityMode } from './accessibility-mode';
import { registerContentHandlers } from './content-handlers';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    // Injected again on demand into tabs that predate the install: listen only once.
    const flag = '__loupeContentScript';
    const scope = globalThis as typeof globalThis & Record<typeof flag, boolean | undefined>;
    if (scope[flag]) return;
    scope[flag] = true;
    const handlers = registerContentHandlers(document);
    startAccessibilityMode(document, handlers.describeImages);
  },
});
