import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  listSiteSettings,
  loadSiteSettings,
  refusalFor,
  siteOf,
  siteSettingsKey,
  updateSiteSettings,
} from '../../../extension/lib/site-settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('site settings', () => {
  it('names a site by its origin and refuses browser pages', () => {
    expect(siteOf('https://news.example.com/a/b?c#d')).toBe('https://news.example.com');
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
    expect(siteOf('chrome://extensions')).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
  });

  it('is on and on-demand for a site the user never touched', async () => {
    expect(await loadSiteSettings(fakeBrowser.storage.local, 'https://a.example')).toEqual({ enabled: true, autoAnnotate: false });
  });

  it('remembers each site separately', async () => {
    await updateSiteSettings(fakeBrowser.storage.local, 'https://a.example', { enabled: false });
    await updateSiteSettings(fakeBrowser.storage.local, 'https://b.example', { autoAnnotate: true });
    expect(await loadSiteSettings(fakeBrowser.storage.local, 'https://a.example')).toEqual({ enabled: false, autoAnnotate: false });
    expect(await loadSiteSettings(fakeBrowser.storage.local, 'https://b.example')).toEqual({ enabled: true, autoAnnotate: true });
    const all = await fakeBrowser.storage.local.get(null);
    expect(listSiteSettings(all).map((s) => s.site)).toEqual(['https://a.example', 'https://b.example']);
  });

  it('falls back to defaults, with a warning, when a stored entry is corrupt', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ [siteSettingsKey('https://a.example')]: { enabled: 'yes' } });
    expect(await loadSiteSettings(fakeBrowser.storage.local, 'https://a.example')).toEqual({ enabled: true, autoAnnotate: false });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('https://a.example'));
    warn.mockRestore();
  });

  it('tells the user how to turn a disabled site back on', () => {
    expect(refusalFor('https://a.example', { enabled: false, autoAnnotate: false })).toMatch(/off for https:\/\/a\.example.*side panel/);
    expect(refusalFor('https://a.example', { enabled: true, autoAnnotate: false })).toBeUndefined();
  });
});
