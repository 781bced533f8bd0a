import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ADDON_ID } from '../../../shared/extension-identity';
import type { TabState } from '../../../extension/lib/tab-state';
import { buildDir, ensureBuilt } from './extension-builds';

export const FIREFOX = '/usr/bin/firefox-esr';
/** The unpacked Firefox MV3 test build (`wxt build -b firefox --mv3 --mode test`). */
export const FIREFOX_BUILD = buildDir({ browser: 'firefox', mode: 'test' });
/**
 * Firefox gives each add-on a random moz-extension:// host per profile; this pref pins it, so the
 * tests can open the add-on's own pages (its side panel) and speak to its background from there.
 */
export const FIREFOX_EXTENSION_UUID = '6f1c2b9e-4d1a-4c55-9a3e-2b7d5e8f0a11';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

/** (Re)builds the Firefox MV3 test package when it is missing or older than its sources. */
export function ensureFirefoxBuild(): void {
  ensureBuilt({ browser: 'firefox', mode: 'test' });
}

export interface FirefoxWithLoupe {
  readonly browser: Browser;
  /** The add-on id Firefox reports after installing the build. */
  readonly addonId: string;
  close(): Promise<void>;
}

/** Headless Firefox ESR over WebDriver BiDi with the built add-on installed as a temporary add-on. `env`: its environment (HOME decides where it looks for native-messaging hosts). */
export async function launchFirefoxWithLoupe(options: { env?: NodeJS.ProcessEnv } = {}): Promise<FirefoxWithLoupe> {
  if (!existsSync(FIREFOX)) throw new Error(`The Firefox e2e tests drive ${FIREFOX}, which is missing: apt-get install -y firefox-esr`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    ...(options.env ? { env: options.env } : {}),
    // WebDriver BiDi refuses to navigate to moz-extension:// pages without this (test-only) flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
    },
  });
  try {
    const addonId = await browser.installExtension(FIREFOX_BUILD);
    return { browser, addonId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Opens one of the add-on's own pages (e.g. `sidepanel.html`) in a new tab. The document loads,
 * but puppeteer never sees the navigation to the add-on's process finish, so this waits for the
 * page itself to answer instead.
 */
export async function openAddonPage(firefox: FirefoxWithLoupe, path: string): Promise<Page> {
  const url = `${FIREFOX_EXTENSION_ORIGIN}/${path}`;
  const page = await firefox.browser.newPage();
  page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  for (let tries = 0; tries < 150; tries += 1) {
    const ready = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
    if (ready === url) return page;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`Firefox did not open ${url} (is the add-on installed, with its uuid pinned?)`);
}

/** What @webext-core/messaging answers on the wire: `{res}` on success, `{err}` on failure. */
type Reply<T> = { res?: T; err?: { message: string } };

/**
 * Asks the add-on's background to annotate the tab showing `url`, from the add-on's own side
 * panel page (what its "Annotate this page" button sends), and returns the tab's new state.
 * Firefox has no service-worker target to evaluate in, so this is the way in.
 */
export async function annotateFromSidePanel(panel: Page, url: string): Promise<TabState> {
  const reply = (await panel.evaluate(async (url) => {
    type Tabs = { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
    const ext = (globalThis as unknown as { browser: { tabs: Tabs; runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
    const tab = (await ext.tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) return { err: { message: `the add-on sees no tab with ${url}` } };
    return ext.runtime.sendMessage({ id: 1, type: 'annotateTab', data: { tabId: tab.id }, timestamp: Date.now() });
  }, url)) as Reply<TabState>;
  if (!reply.res) throw new Error(`annotateTab failed in Firefox: ${reply.err?.message ?? JSON.stringify(reply)}`);
  return reply.res;
}
