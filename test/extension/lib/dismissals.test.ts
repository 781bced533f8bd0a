import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearDismissals,
  dismissalsKey,
  dismissCategory,
  dismissFlag,
  isDismissed,
  loadDismissals,
} from '../../../extension/lib/dismissals';

const SITE = 'https://news.example';
const flag = { text: 'a  reckless\ngamble', category: 'loaded-language' as const };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('dismissals', () => {
  it('hides a dismissed flag on its site, matched by its words whatever the whitespace', async () => {
    const area = fakeBrowser.storage.local;
    await dismissFlag(area, SITE, flag);
    const saved = await loadDismissals(area, SITE);
    expect(isDismissed(saved, { text: 'a reckless gamble', category: 'loaded-language' })).toBe(true);
    expect(isDismissed(saved, { text: 'a reckless gamble', category: 'exaggeration' })).toBe(false);
    expect(isDismissed(saved, { text: 'a bold plan', category: 'loaded-language' })).toBe(false);
  });

  it('keeps dismissals stored under a renamed category, and drops only what no longer exists', async () => {
    const area = fakeBrowser.storage.local;
    await area.set({
      [dismissalsKey(SITE)]: {
        flags: [
          { category: 'intensifier', quote: 'totally wrong' },
          { category: 'gone', quote: 'x' },
        ],
        categories: ['intensifier', 'gone', 'hedge'],
      },
    });
    const saved = await loadDismissals(area, SITE);
    expect(saved.categories).toEqual(['exaggeration', 'hedge']);
    expect(isDismissed(saved, { text: 'totally wrong', category: 'exaggeration' })).toBe(true);
    expect(saved.flags).toHaveLength(1);
  });

  it('keeps other sites untouched', async () => {
    await dismissFlag(fakeBrowser.storage.local, SITE, flag);
    expect(isDismissed(await loadDismissals(fakeBrowser.storage.local, 'https://other.example'), flag)).toBe(false);
  });

  it('hides every flag of a dismissed category, and clearing brings them back', async () => {
    const area = fakeBrowser.storage.local;
    await dismissCategory(area, SITE, 'hedge');
    expect(isDismissed(await loadDismissals(area, SITE), { text: 'perhaps', category: 'hedge' })).toBe(true);
    await clearDismissals(area, SITE);
    expect(isDismissed(await loadDismissals(area, SITE), { text: 'perhaps', category: 'hedge' })).toBe(false);
  });

  it('does not store the same dismissal twice', async () => {
    const area = fakeBrowser.storage.local;
    await dismissFlag(area, SITE, flag);
    await dismissFlag(area, SITE, flag);
    expect((await loadDismissals(area, SITE)).flags).toHaveLength(1);
  });

  it('treats corrupt stored dismissals as none rather than failing', async () => {
    await fakeBrowser.storage.local.set({ [dismissalsKey(SITE)]: { flags: 'x' } });
    expect(await loadDismissals(fakeBrowser.storage.local, SITE)).toEqual({ flags: [], categories: [] });
  });
});
