import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

  describe('within storage.sync quotas', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('dragging a tone colour through 60 input events writes once, with the last colour', async () => {
      vi.useFakeTimers();
      const writes: unknown[] = [];
      const set = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation((items) => (writes.push(items), set(items)));
      const stored: Promise<unknown>[] = [];
      for (let step = 0; step < 60; step++) {
        const hex = step.toString(16).padStart(2, '0');
        stored.push(store.updateSettings({ toneColorList: [`#${hex}0000`, ...DEFAULT_SETTINGS.toneColorList.slice(1)] as never }));
        await vi.advanceTimersByTimeAsync(16);
      }
      expect(writes).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(store.WRITE_DELAY);
      await Promise.all(stored);
      expect(writes).toHaveLength(1);
      expect((await store.loadSettings()).toneColorList[0]).toBe('#3b0000');
    });

    it('changes that keep coming are still written every two seconds, not held back for ever', async () => {
      vi.useFakeTimers();
      const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
      for (let step = 0; step < 300; step++) {
        void store.updateSettings({ dailyNewCards: 1 + (step % 50) });
        await vi.advanceTimersByTimeAsync(20);
      }
      await vi.advanceTimersByTimeAsync(store.WRITE_DELAY);
      // 6 s of input: 3 or 4 writes, far under the 120 a minute storage.sync allows.
      expect(set.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect(set.mock.calls.length).toBeLessThanOrEqual(4);
    });

    it('refuses settings past the 8 KB per-item quota with a message saying so', () => {
      expect(() => store.checkSyncItemSize(DEFAULT_SETTINGS)).not.toThrow();
      const full = { ...DEFAULT_SETTINGS, filler: 'x'.repeat(store.SYNC_ITEM_BYTES) };
      expect(() => store.checkSyncItemSize(full)).toThrow(new RegExp(`${store.SYNC_ITEM_BYTES}`));
      // Bytes, not characters: 2,800 Han characters are 8,400 bytes in UTF-8.
      expect(() => store.checkSyncItemSize({ note: '中'.repeat(2800) })).toThrow(/8400|84\d\d/);
    });
  });
});
