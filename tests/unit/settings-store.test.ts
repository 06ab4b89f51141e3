import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import * as store from '../../lib/settings/store';

describe('settings storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('loads the defaults when nothing is stored, and repairs what is stored', async () => {
    expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.sync.set({ settings: { cardFontSize: 99, pinyinStyle: 'numbers', hoverTrigger: 'ctrl' } });
    expect(await store.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, cardFontSize: 32, pinyinStyle: 'numbers' });
  });

  it('keeps every one of several changes made at once', async () => {
    await Promise.all([
      store.updateSettings({ pinyinStyle: 'zhuyin' }),
      store.updateSettings({ showHsk: false }),
      store.updateSettings({ dailyNewCards: 5 }),
    ]);
    expect(await store.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, pinyinStyle: 'zhuyin', showHsk: false, dailyNewCards: 5 });
  });

  it('tells watchers the full, repaired settings', async () => {
    const seen: unknown[] = [];
    const unwatch = store.watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.sync.set({ settings: { sandhi: false, toneColorList: ['#fff'] } });
    await expect.poll(() => seen.length).toBe(1);
    unwatch();
    expect(seen[0]).toEqual({
      ...DEFAULT_SETTINGS,
      sandhi: false,
      toneColorList: ['#ffffff', ...DEFAULT_SETTINGS.toneColorList.slice(1)],
    });
  });

  it('turns a site off and on, and tells a watcher of that site', async () => {
    const seen: boolean[] = [];
    const unwatch = store.watchSiteEnabled('www.xinhuanet.com', (on) => seen.push(on));
    expect(await store.isSiteEnabled('xinhuanet.com')).toBe(true);
    await store.setSiteEnabled('www.xinhuanet.com', false);
    expect(await store.isSiteEnabled('xinhuanet.com')).toBe(false);
    expect(await store.isSiteEnabled('people.com.cn')).toBe(true);
    await store.setSiteEnabled('xinhuanet.com', true);
    await expect.poll(() => seen).toEqual([false, true]);
    unwatch();
    expect(await store.disabledSitesItem.getValue()).toEqual([]);
  });
});
