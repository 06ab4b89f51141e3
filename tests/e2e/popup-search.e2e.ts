import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type E2ESession } from './support/session';

/** The headwords the popup's search shows, in order (the entries live in open shadow roots, which locators pierce). */
const shown = (page: Page) => page.locator('[data-testid=search-result]').evaluateAll((items) => items.map((li) => li.getAttribute('data-word')));

const savedWord = (page: Page, simplified: string) =>
  page.evaluate(
    (word) =>
      new Promise<{ simplified: string; pinyin: string; contexts: unknown[] } | undefined>((resolve, reject) => {
        const req = indexedDB.open('yuedu');
        req.onsuccess = () => {
          const get = req.result.transaction('words').objectStore('words').index('simplified').get(word);
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
        req.onerror = () => reject(req.error);
      }),
    simplified,
  );

describe('looking a word up in the popup', () => {
  let s: E2ESession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('finds 命运 by pinyin with marks or numbers and 社区 by English, with the card\'s entries, and saves one', async () => {
    const page = await s.open(s.extensionUrl('popup.html'));
    await page.waitForSelector('[data-testid=search-input]');
    // `/` focuses the box from anywhere in the popup.
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.type('mìngyùn');
    await expect.poll(() => shown(page)).toContain('命运');
    expect((await shown(page))[0]).toBe('命运');
    // The card's own rendering: the entry with its pinyin and senses.
    const entry = page.locator('[data-testid=search-result][data-word=命运] .entry[data-entry=命运]').first();
    expect(await entry.locator('.defs').first().textContent()).toMatch(/fate/);
    expect(await entry.locator('.pinyin').first().textContent()).toBe('mìng yùn');

    await page.fill('[data-testid=search-input]', 'ming4yun4');
    await expect.poll(async () => (await shown(page))[0]).toBe('命运');
    await page.fill('[data-testid=search-input]', 'community');
    await expect.poll(() => shown(page)).toContain('社区');
    await page.fill('[data-testid=search-input]', '命运共同体');
    await expect.poll(async () => (await shown(page))[0]).toBe('命运共同体');

    await page.fill('[data-testid=search-input]', 'community');
    await expect.poll(() => shown(page)).toContain('社区');
    await page.locator('[data-testid=search-result][data-word=社区] [data-testid=search-save]').click();
    await expect.poll(() => page.locator('[data-testid=search-result][data-word=社区] [role=status]').textContent()).toBe('Saved');
    const saved = await savedWord(page, '社区');
    expect(saved).toMatchObject({ simplified: '社区', pinyin: 'she4 qu1', contexts: [] });
    await page.close();
  });

  it('says so when nothing is found, and refuses an over-long query at the message boundary', async () => {
    const page = await s.open(s.extensionUrl('popup.html'));
    await page.fill('[data-testid=search-input]', 'qqqxzv');
    await page.waitForSelector('[data-testid=search-none]');
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ yuedu: 1, type: 'search', payload: { query: 'x'.repeat(101) } }));
    expect(reply).toMatchObject({ ok: false });
    await page.close();
  });
});
