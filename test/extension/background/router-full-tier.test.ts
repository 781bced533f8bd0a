import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDaemonClient } from '../../../extension/entrypoints/background/daemon-client';
import type { EngineHost } from '../../../extension/engine/engine-host-protocol';
import { createRouter } from '../../../extension/entrypoints/background/router';
import type { Routing } from '../../../extension/lib/settings';
import { flush, socketFactory } from '../fake-daemon-socket';
import { liteEngineHost } from '../lite-engine-host';

const TEXT = 'The council approved the Harbor Point plan on Tuesday by a vote of 6-3. Mayor Lena Ortiz said work starts in March.';
const AUTO: Routing = { summary: 'auto', entities: 'auto', bias: 'auto', captions: 'auto' };

/** The lite engine, with a summary marked as coming from the browser's full model. */
function browserWithFullSummary(): EngineHost {
  const lite = liteEngineHost();
  return {
    ...lite,
    async analyze(params, options) {
      const analysis = await lite.analyze(params, options);
      if (analysis.summary)
        analysis.summary = {
          ...analysis.summary,
          generated: 'Council approves plan.',
          provenance: { engine: 'browser', tier: 'full', model: 'Xenova/distilbart-cnn-6-6', backend: 'wasm' },
        };
      return analysis;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('router with the full tier in the browser', () => {
  it('keeps the summary in a browser that has the full model when the paired daemon lacks it', async () => {
    const sockets = socketFactory();
    const daemon = createDaemonClient({ loadPairing: async () => ({ port: 7341, token: 't'.repeat(32) }), createSocket: sockets.create });
    daemon.start();
    await flush();
    sockets.current.open();
    await flush();
    expect(daemon.isConnected()).toBe(true);
    const router = createRouter({
      daemon,
      browserEngine: browserWithFullSummary(),
      loadRouting: async () => AUTO,
      browserHasFull: async (task) => task === 'summary',
    });
    const analysis = await router.analyzePage(1, TEXT, ['summary', 'entities']);
    expect(sockets.current.last('analyze')).toBeUndefined();
    expect(analysis.summary).toMatchObject({ generated: 'Council approves plan.', provenance: { engine: 'browser', tier: 'full' } });
  });
});
