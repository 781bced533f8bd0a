import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadSettings, saveSettings, SETTINGS_KEY, SettingsSchema } from '../../lib/settings';
import { loadSiteSettings, refusalFor, siteOf, updateSiteSettings } from '../../lib/site-settings';
import { annotateTab, type AnnotateOptions } from './annotate-tab';
import { watchAutoAnnotate } from './auto-annotate';
import { registerBackgroundHandlers } from './background-handlers';
import { captionImage, describePageImage } from './caption-image';
import { sendToTab } from './content-access';
import { createDaemonClient } from './daemon-client';
import { askPairingHelper, createPairingSource } from './native-pairing';
import { createRouter } from './router';
import { fullTaskOf } from './choose-engine';
import { fullTierTestHooks } from '../../engine/full/full-tier-test-hooks';
import { createInstalledSnapshot, watchModelChanges } from '../../engine/full/installed-snapshot';
import { createEngineHostClient } from '../../engine/engine-host-client';
import { createTabResults } from './tab-results';
import { installFullTierTestHooks, installTestHooks } from './test-hooks';
import { registerUserActions } from './user-actions';
import { watchSiteSwitch } from './site-switch';
import { watchTabs } from './watch-tabs';

export default defineBackground(main);

function main(): void {
  const local = browser.storage.local;
  const pairing = createPairingSource({
    area: local,
    ask: () =>
      askPairingHelper(
        (app, message) => browser.runtime.sendNativeMessage(app, message as object),
        browser.runtime.getURL('/').replace(/\/$/u, ''),
      ),
  });
  const daemon = createDaemonClient({
    loadPairing: pairing.load,
    clientName: `loupe-extension/${browser.runtime.getManifest().version}`,
  });
  daemon.subscribe((state) => {
    if (state.status === 'connected') pairing.onConnected();
    if (state.status === 'unreachable') void pairing.onUnreachable().catch(() => undefined);
  });
  const results = createTabResults(browser.storage.session);
  daemon.subscribe((state) => results.publishDaemonState(state));
  // Lite, full and OCR run in the engine host; this worker only routes requests to it or the daemon.
  const engineHost = createEngineHostClient();
  const downloaded = createInstalledSnapshot();
  watchModelChanges(downloaded);
  const router = createRouter({
    daemon,
    browserEngine: engineHost,
    loadRouting: async () => (await loadSettings(local)).routing,
    browserHasFull: (task) => downloaded.has(fullTaskOf(task)),
  });

  const refusal = async (tabId: number) => {
    const site = siteOf((await browser.tabs.get(tabId)).url);
    return site ? refusalFor(site, await loadSiteSettings(local, site)) : undefined;
  };
  const annotate = (tabId: number, options?: AnnotateOptions) =>
    annotateTab(
      {
        router,
        results,
        refusal,
        tabUrl: async (id) => (await browser.tabs.get(id)).url,
        capture: (id, scope) => sendToTab(id, 'capturePage', { scope }),
        show: (id, request) => sendToTab(id, 'showAnnotations', request),
      },
      tabId,
      options,
    );
  const caption = (tabId: number, srcUrl: string) =>
    captionImage(
      {
        router,
        imageContext: (id, src) => sendToTab(id, 'imageContext', { srcUrl: src }),
        showCard: (id, card) => sendToTab(id, 'showCaptionCard', card),
      },
      tabId,
      srcUrl,
    );

  registerBackgroundHandlers({
    annotate,
    results,
    daemon,
    pairNow: pairing.pairNow,
    describePageImage: ({ srcUrl, context }) => describePageImage({ router }, srcUrl, context),
  });
  const actions = registerUserActions({
    annotate,
    caption,
    refusal,
    explainOnCard: (tabId, srcUrl, message) => sendToTab(tabId, 'showCaptionCard', { srcUrl, error: message }),
  });
  watchSiteSwitch({
    tabs: browser.tabs,
    action: browser.action,
    onStorageChanged: browser.storage.onChanged,
    local,
    onTurnedOff: (tabId) => {
      router.cancelTab(tabId);
      results.reset(tabId);
    },
  });
  watchTabs(browser.tabs, results, router.cancelTab);
  watchAutoAnnotate(browser.tabs, local, annotate);
  browser.storage.onChanged.addListener((changes, area) => {
    // Only a pairing change needs a new socket (not the accessibility switch, say), and not
    // the one the client just fetched from the pairing helper and is already using.
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change || pairingOf(change.oldValue) === pairingOf(change.newValue)) return;
    if (!pairing.inUse(SettingsSchema.safeParse(change.newValue).data?.pairing ?? null)) void daemon.reconnectNow();
  });

  // Test builds only (`wxt build --mode test`): the release package carries no hooks at all.
  if (import.meta.env.MODE === 'test')
    installTestHooks({
      annotateTab: annotate,
      pressToolbarButton: async (tabId) => {
        await actions.pressToolbarButton(tabId);
        return results.get(tabId);
      },
      captionImage: caption,
      pair: async (pairing) => {
        await saveSettings(local, { ...(await loadSettings(local)), pairing });
        return daemon.reconnectNow();
      },
      daemonState: () => daemon.state(),
      daemonRequestsInFlight: () => daemon.inFlight(),
      lastResults: (tabId) => results.get(tabId),
      capturedText: (tabId) => sendToTab(tabId, 'capturedText', undefined),
      pageMetrics: (tabId) => sendToTab(tabId, 'pageMetrics', undefined),
      describeImages: (tabId) => sendToTab(tabId, 'describeImages', undefined),
      siteSettings: async (url, change) => {
        const site = siteOf(url);
        if (!site) throw new Error(`Not a web page address: ${url}`);
        return change ? updateSiteSettings(local, site, change) : loadSiteSettings(local, site);
      },
      setAccessibilityMode: async (on) => {
        await saveSettings(local, { ...(await loadSettings(local)), accessibilityMode: on });
      },
    });
  if (import.meta.env.MODE === 'test') installFullTierTestHooks(fullTierTestHooks(local, engineHost));
  daemon.start();
}

function pairingOf(stored: unknown): string {
  return JSON.stringify((stored as { pairing?: unknown } | undefined)?.pairing ?? null);
}
