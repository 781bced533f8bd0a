import { describe, expect, it } from 'vitest';
import {
  chooseEngine,
  daemonHasFullModel,
  type EngineFacts,
  type RoutedTask,
} from '../../../extension/entrypoints/background/choose-engine';
import type { Route } from '../../../extension/lib/settings';

const facts = (daemonConnected: boolean, daemonHasFull: boolean, browserHasFull: boolean): EngineFacts => ({
  daemonConnected,
  daemonHasFull,
  browserHasFull,
});

// [task, route, connected, daemon has full, browser has full] → engine
const TABLE: Array<[RoutedTask, Route, boolean, boolean, boolean, 'daemon' | 'browser']> = [
  ['summary', 'auto', true, true, false, 'daemon'],
  ['summary', 'auto', true, true, true, 'daemon'],
  ['summary', 'auto', true, false, true, 'browser'],
  ['summary', 'auto', true, false, false, 'daemon'],
  ['summary', 'auto', false, false, false, 'browser'],
  ['captions', 'auto', true, true, true, 'daemon'],
  ['captions', 'auto', true, false, true, 'browser'],
  ['captions', 'auto', true, false, false, 'daemon'],
  ['captions', 'auto', false, true, false, 'browser'],
  ['entities', 'auto', true, true, false, 'browser'],
  ['entities', 'auto', true, false, true, 'browser'],
  ['bias', 'auto', true, true, true, 'browser'],
  ['entities', 'daemon', true, false, true, 'daemon'],
  ['bias', 'daemon', false, true, false, 'browser'],
  ['summary', 'browser', true, true, false, 'browser'],
  ['captions', 'browser', true, true, true, 'browser'],
];

describe('chooseEngine', () => {
  it.each(TABLE)(
    '%s on %s (connected %s, daemon full %s, browser full %s) runs in the %s',
    (task, route, connected, daemonFull, browserFull, engine) => {
      expect(chooseEngine(task, route, facts(connected, daemonFull, browserFull))).toBe(engine);
    },
  );
});

describe('daemonHasFullModel', () => {
  const engine = (models: Array<{ id: string; task: string; tier: 'lite' | 'full' }>) => ({
    status: 'connected' as const,
    port: 7341,
    engine: { name: 'loupe', version: '0.1.0', protocol: 1, device: { backend: 'cpu', reason: 'no GPU' }, models },
  });

  it('reads the installed full models from the daemon hello', () => {
    const state = engine([
      { id: 'Xenova/distilbart-cnn-6-6', task: 'summary', tier: 'full' },
      { id: 'lite/entities', task: 'entities', tier: 'lite' },
    ]);
    expect(daemonHasFullModel(state, 'summary')).toBe(true);
    expect(daemonHasFullModel(state, 'captions')).toBe(false);
    expect(daemonHasFullModel(state, 'entities')).toBe(false);
  });

  it('knows of no model on a daemon that is not connected', () => {
    expect(daemonHasFullModel({ status: 'connecting', port: 7341, attempt: 1 }, 'summary')).toBe(false);
  });
});
