import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTION_TITLE, OFF_TITLE, watchSiteSwitch } from '../../../extension/entrypoints/background/site-switch';
import { updateSiteSettings } from '../../../extension/lib/site-settings';

beforeEach(() => {
  fakeBrowser.reset();
});

async function start() {
  const local = fakeBrowser.storage.local;
  await updateSiteSettings(local, 'https://off.example', { enabled: false });
  const news = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
  const other = await fakeBrowser.tabs.create({ url: 'https://off.example/b' });
  const turnedOff: number[] = [];
  watchSiteSwitch({
    tabs: fakeBrowser.tabs,
    action: fakeBrowser.action,
    onStorageChanged: fakeBrowser.storage.onChanged,
    local,
    onTurnedOff: (tabId) => turnedOff.push(tabId),
  });
  const title = (tabId: number) => fakeBrowser.action.getTitle({ tabId });
  const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
  return { local, news: news.id!, other: other.id!, turnedOff, title, badge };
}

describe('the toolbar button on sites where Loupe is off', () => {
  it('says so on tabs of a switched-off site, and only there', async () => {
    const { news, other, title, badge } = await start();
    await vi.waitFor(async () => expect(await title(other)).toBe(OFF_TITLE));
    expect(await badge(other)).toBe('off');
    expect(await title(news)).toBe(ACTION_TITLE);
    expect(await badge(news)).toBe('');
  });

  it('follows the switch: the open tabs of the site are relabelled and reported', async () => {
    const { local, news, other, turnedOff, title } = await start();
    await updateSiteSettings(local, 'https://news.example', { enabled: false });
    await vi.waitFor(() => expect(turnedOff).toEqual([news]));
    expect(await title(news)).toBe(OFF_TITLE);
    await updateSiteSettings(local, 'https://off.example', { enabled: true });
    await vi.waitFor(async () => expect(await title(other)).toBe(ACTION_TITLE));
    expect(turnedOff).toEqual([news]);
  });

  it('relabels a tab that navigates to another site', async () => {
    const { news, title } = await start();
    await vi.waitFor(async () => expect(await title(news)).toBe(ACTION_TITLE));
    await fakeBrowser.tabs.update(news, { url: 'https://off.example/c' });
    await vi.waitFor(async () => expect(await title(news)).toBe(OFF_TITLE));
  });
});
