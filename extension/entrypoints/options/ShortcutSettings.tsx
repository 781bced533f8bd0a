import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { annotateShortcut } from '../../lib/annotate-shortcut';

const isFirefox = () => browser.runtime.getURL('/').startsWith('moz-extension://');

/** Firefox 137+ opens its shortcut page for extensions; Chrome lets an extension open chrome://extensions/shortcuts. */
async function openShortcutPage(): Promise<void> {
  if (isFirefox()) {
    const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
    if (!commands.openShortcutSettings) throw new Error('this Firefox cannot open the page for an extension');
    await commands.openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** Options → Keyboard shortcut: the binding the browser has now, and where to change it (extensions cannot). */
export function ShortcutSettings() {
  const [shortcut, setShortcut] = useState<string | undefined | null>(null);
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    // Re-read when the reader comes back from the browser's shortcut page.
    const read = () =>
      void annotateShortcut(browser.commands)
        .then(setShortcut)
        .catch(() => setShortcut(undefined));
    read();
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, []);
  const open = () =>
    openShortcutPage().catch((error: unknown) => {
      setFailure(`The browser did not open it (${error instanceof Error ? error.message : String(error)}): open it yourself as above.`);
    });
  return (
    <section id="shortcut">
      <p>
        Annotate this page: <kbd data-role="shortcut">{shortcut === null ? '…' : (shortcut ?? 'no shortcut set')}</kbd>
      </p>
      <p class="muted" data-role="shortcut-help">
        {isFirefox()
          ? 'Extensions cannot change their own shortcut. In Firefox, open about:addons, click the gear (⚙) above the list and choose “Manage Extension Shortcuts”, then set “Annotate this page with Loupe”.'
          : 'Extensions cannot change their own shortcut. In Chrome, open chrome://extensions/shortcuts (menu → Extensions → Manage Extensions → Keyboard shortcuts) and set “Annotate this page with Loupe”.'}
      </p>
      <button type="button" id="open-shortcuts" onClick={() => void open()}>
        Open the browser’s shortcut settings
      </button>
      {failure && <p class="bad">{failure}</p>}
    </section>
  );
}
