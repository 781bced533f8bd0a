import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ADDON_ID } from '../../shared/extension-identity';
import {
  annotateFromSidePanel,
  ensureFirefoxBuild,
  FIREFOX_BUILD,
  FIREFOX_EXTENSION_ORIGIN,
  launchFirefoxWithLoupe,
  openAddonPage,
  type FirefoxWithLoupe,
} from './helpers/firefox';
import { SettingsSchema, SETTINGS_KEY } from '../../extension/lib/settings';
import { startDaemon } from './helpers/daemon-process';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { highlightTexts } from './helpers/tabs';

describe('Loupe in Firefox ESR (MV3 build, temporary add-on)', () => {
  let server: FixtureServer;
  let firefox: FirefoxWithLoupe;
  beforeAll(async () => {
    ensureFirefoxBuild();
    server = await startFixtureServer();
    firefox = await launchFirefoxWithLoupe();
  }, 300_000);
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('ships an MV3 package whose background page runs the engine and may reach the daemon on 127.0.0.1', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
      manifest_version: number;
      background: { scripts?: string[]; service_worker?: string };
      content_security_policy: { extension_pages: string };
      browser_specific_settings: { gecko: { id: string } };
    };
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.content_security_policy.extension_pages).toMatch(/connect-src [^;]*ws:\/\/127\.0\.0\.1:\*/);
    expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ADDON_ID);
    // The lite engine is bundled into the background page itself (no offscreen documents in Firefox).
    expect(readFileSync(join(FIREFOX_BUILD, 'background.js'), 'utf8')).toContain('lite/summary-centroid@2');
  });

  it('installs, and annotates an article on 127.0.0.1 when asked from its side panel', async () => {
    expect(firefox.addonId).toBe(GECKO_ADDON_ID);
    const url = server.url('articles/news-article.html');
    const page = await firefox.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const panel = await openAddonPage(firefox, 'sidepanel.html');

    const state = await annotateFromSidePanel(panel, url);
    expect(state.error).toBeUndefined();
    expect(state.status).toBe('done');
    expect(state.analysis?.summary?.provenance.engine).toBe('browser');
    expect(state.highlights?.highlighted ?? 0).toBeGreaterThan(0);

    // The content script ran in the page: it marked it annotated and painted the highlights.
    expect(await page.evaluate(() => document.documentElement.dataset.loupeState)).toBe('annotated');
    const biased = await highlightTexts(page, 'loupe-bias');
    expect(biased.some((text) => text.includes('slammed the disastrous plan'))).toBe(true);
    expect(await highlightTexts(page, 'loupe-entity')).toContain('Northfield University');
  });

  it("reads what a page says about itself: a story's chapter gets no flags, and a notice that it is fiction", async () => {
    const url = server.url('articles/story-chapter.html');
    const page = await firefox.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const panel = await openAddonPage(firefox, 'sidepanel.html');

    const state = await annotateFromSidePanel(panel, url);
    expect(state.error).toBeUndefined();
    expect(state.analysis?.page?.genre).toBe('fiction');
    expect(state.analysis?.bias?.flags).toEqual([]);
    expect(await highlightTexts(page, 'loupe-bias')).toEqual([]);
    expect(state.analysis?.bias?.withheld?.message).toMatch(/looks like fiction .*original fiction/);
  });

  it('pairs with the daemon over ws://127.0.0.1 from the background page (Options: save + "Test connection")', async () => {
    // Each Firefox install has its own origin, which the user pairs with the daemon (`loupe pair
    // --origin`, or LOUPE_ALLOWED_ORIGINS, which the daemon reads at start).
    const before = process.env.LOUPE_ALLOWED_ORIGINS;
    process.env.LOUPE_ALLOWED_ORIGINS = FIREFOX_EXTENSION_ORIGIN;
    const daemon = await startDaemon().finally(() => {
      if (before === undefined) delete process.env.LOUPE_ALLOWED_ORIGINS;
      else process.env.LOUPE_ALLOWED_ORIGINS = before;
    });
    try {
      const options = await openAddonPage(firefox, 'options.html');
      const settings = SettingsSchema.parse({ pairing: { port: daemon.port, token: daemon.token } });
      const reply = (await options.evaluate(
        async (key, settings) => {
          const ext = (
            globalThis as unknown as {
              browser: {
                storage: { local: { set(items: object): Promise<void> } };
                runtime: { sendMessage(m: unknown): Promise<unknown> };
              };
            }
          ).browser;
          await ext.storage.local.set({ [key]: settings });
          return ext.runtime.sendMessage({ id: 2, type: 'testConnection', timestamp: Date.now() });
        },
        SETTINGS_KEY,
        settings,
      )) as { res?: { status: string; message?: string }; err?: { message: string } };
      expect(reply.err).toBeUndefined();
      expect(reply.res?.status, JSON.stringify(reply.res)).toBe('connected');
    } finally {
      await daemon.stop();
    }
  });
});
