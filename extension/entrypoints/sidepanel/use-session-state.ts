import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DaemonStateSchema, type DaemonState } from '../../lib/daemon-state';
import { DAEMON_STATE_KEY, tabStateKey, TabStateSchema, type TabState } from '../../lib/tab-state';
import { backgroundMessenger } from '../../lib/messaging/background-protocol';

/** The active tab of this window, following tab switches. */
export function useActiveTabId(): number | undefined {
  const [tabId, setTabId] = useState<number>();
  useEffect(() => {
    const read = () => void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id));
    read();
    browser.tabs.onActivated.addListener(read);
    return () => browser.tabs.onActivated.removeListener(read);
  }, []);
  return tabId;
}

/** A value the background mirrors into session storage, validated, kept current via onChanged. */
function useSessionValue<T>(key: string | undefined, parse: (raw: unknown) => T | undefined, initial: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    if (!key) return;
    let live = true;
    setValue(undefined);
    initial()
      .then((v) => {
        if (live) setValue(v);
      })
      .catch(() => undefined);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      const next = parse(changes[key]!.newValue);
      if (next !== undefined) setValue(next);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key]);
  return value;
}

export function useTabState(tabId: number | undefined): TabState | undefined {
  return useSessionValue(
    tabId === undefined ? undefined : tabStateKey(tabId),
    (raw) => TabStateSchema.safeParse(raw).data,
    () => backgroundMessenger.sendMessage('getTabState', { tabId: tabId! }),
  );
}

export function useDaemonState(): DaemonState | undefined {
  return useSessionValue(
    DAEMON_STATE_KEY,
    (raw) => DaemonStateSchema.safeParse(raw).data,
    () => backgroundMessenger.sendMessage('getDaemonState'),
  );
}
