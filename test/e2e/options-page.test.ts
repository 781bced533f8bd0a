import { describe, expect, it } from 'vitest';
import { launchWithExtension } from './helpers/launch-browser';

describe('the options page a new user opens', () => {
  it('names the commands that start the daemon, refuses a bad port in plain words, and shows the keyboard shortcut', async () => {
    const chromium = await launchWithExtension();
    const options = await chromium.browser.newPage();
    await options.goto(`chrome-extension://${chromium.extensionId}/options.html`, { waitUntil: 'load' });
    await options.waitForSelector('#pair-helper');
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees on the page, not text in collapsed or hidden parts
    const text = await options.evaluate(() => document.body.innerText);
    expect(text).toContain('npx loupe');
    expect(text).toContain('npm start');
    expect(text).not.toMatch(/text the daemon reads/);
    expect(text).toMatch(/Text in images is read wherever the caption runs: in this browser, or on the daemon/);

    await options.click('#paste-token summary');
    await options.type('#token', 'x'.repeat(43));
    await options.$eval('#port', (input) => {
      (input as HTMLInputElement).value = '';
    });
    await options.type('#port', '70000');
    await options.click('#test');
    await options.waitForFunction(() => document.querySelector('#connection')?.textContent?.startsWith('Not saved'), {
      timeout: 10_000,
      polling: 50,
    });
    const refusal = await options.$eval('#connection', (el) => el.textContent ?? '');
    expect(refusal).toBe(
      'Not saved: The port is a whole number from 1 to 65535: the one the daemon prints when it starts (7341 unless LOUPE_PORT says otherwise).',
    );

    // The binding the browser has (the manifest suggests Alt+Shift+L), and where to change it.
    await options.waitForFunction(() => document.querySelector('[data-role="shortcut"]')?.textContent !== '…', {
      timeout: 10_000,
      polling: 100,
    });
    expect(await options.$eval('[data-role="shortcut"]', (el) => el.textContent)).toBe('Alt+Shift+L');
    expect(await options.$eval('[data-role="shortcut-help"]', (el) => el.textContent)).toContain('chrome://extensions/shortcuts');
    const opened = chromium.browser.waitForTarget((target) => target.url().startsWith('chrome://extensions/shortcuts'), {
      timeout: 10_000,
    });
    await options.click('#open-shortcuts');
    expect((await opened).url()).toBe('chrome://extensions/shortcuts');
  });
});
