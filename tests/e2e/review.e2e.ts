import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedRows } from './support/in-page';
import { saveWord } from './support/save-word';
import { startSession, type E2ESession } from './support/session';
import { stopServiceWorkers } from '../../scripts/lib/service-worker';

const summit = { simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit meeting'], hsk: 6 };
const community = { simplified: '命运共同体', traditional: '命運共同體', pinyin: 'ming4 yun4 gong4 tong2 ti3', definitions: ['community of common destiny'], note: 'Xi’s slogan' };

/** Reads a whole object store with the raw IndexedDB API: what is really on disk, not what the UI shows. */
const readStore = (page: Page, store: string) => page.evaluate(storedRows, store);

const badge = (s: E2ESession) => s.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));

async function exportJson(s: E2ESession): Promise<string> {
  const page = await s.open(s.extensionUrl('words.html'));
  await page.waitForSelector('[data-testid=stats]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
  const path = await download.path();
  await page.close();
  return readFile(path, 'utf8');
}

describe('saving, reviewing and backing up words in Chromium', () => {
  let s: E2ESession;
  let fresh: E2ESession | undefined;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
    await fresh?.close();
  });

  it('saves words through the background, which updates the badge', async () => {
    const page = await s.open(s.extensionUrl('words.html'));
    await page.waitForSelector('[data-testid=no-words]');
    expect(await badge(s)).toBe('');
    expect(await saveWord(page, summit, '中亚峰会在西安举行。')).toEqual({ ok: true, value: { id: 1, created: true } });
    await expect.poll(() => badge(s)).toBe('1');
    expect(await saveWord(page, summit, '峰会发表了宣言。')).toEqual({ ok: true, value: { id: 1, created: false } });
    expect(await saveWord(page, community, '构建命运共同体。')).toEqual({ ok: true, value: { id: 2, created: true } });
    await expect.poll(() => badge(s)).toBe('2');
    await expect.poll(() => s.serviceWorker.evaluate(() => chrome.action.getTitle({}))).toBe('Yuedu: 2 cards to review');
    const bad = await saveWord(page, { ...summit, simplified: '' }, 'x');
    expect(bad).toEqual({ ok: false, error: 'word.simplified is empty' });
    const words = (await readStore(page, 'words')) as { simplified: string; contexts: { sentence: string }[] }[];
    expect(words.map((w) => [w.simplified, w.contexts.map((c) => c.sentence)])).toEqual([
      ['峰会', ['中亚峰会在西安举行。', '峰会发表了宣言。']],
      ['命运共同体', ['构建命运共同体。']],
    ]);
    await page.close();
  });

  it('reviews in the popup with the keyboard only: first card at once, Space flips, 3 grades, U undoes', async () => {
    const popup = await s.open(s.extensionUrl('popup.html'));
    await popup.waitForSelector('[data-testid=card][data-side=front]');
    expect(await popup.textContent('[data-testid=hanzi]')).toContain('峰会');
    expect(await popup.textContent('[data-testid=due-count]')).toContain('2 due');
    expect(await popup.textContent('[data-testid=context] mark')).toBe('峰会');
    expect(await popup.$('[data-testid=answer]')).toBeNull();

    await popup.keyboard.press('Space');
    await popup.waitForSelector('[data-testid=card][data-side=back]');
    expect(await popup.textContent('[data-testid=pinyin]')).toBe('fēng huì');
    expect(await popup.textContent('[data-testid=grade-3]')).toContain('10m');

    await popup.keyboard.press('3');
    await expect.poll(() => popup.textContent('[data-testid=hanzi]')).toContain('命运共同体');
    const reviews = (await readStore(popup, 'reviews')) as { rating: number; wordId: number }[];
    expect(reviews).toMatchObject([{ rating: 3, wordId: 1 }]);
    const cards = (await readStore(popup, 'cards')) as { wordId: number; reps: number; state: number }[];
    expect(cards.find((c) => c.wordId === 1)).toMatchObject({ reps: 1, state: 1 });
    await expect.poll(() => badge(s)).toBe('1');

    await popup.keyboard.press('u');
    await expect.poll(() => popup.textContent('[data-testid=hanzi]')).toContain('峰会');
    expect(await readStore(popup, 'reviews')).toEqual([]);
    await expect.poll(() => badge(s)).toBe('2');

    for (const word of ['峰会', '命运共同体']) {
      await popup.waitForSelector('[data-testid=card][data-side=front]');
      expect(await popup.textContent('[data-testid=hanzi]')).toContain(word);
      await popup.keyboard.press('Space');
      await popup.waitForSelector('[data-testid=card][data-side=back]');
      await popup.keyboard.press('3');
      await popup.waitForSelector(`[data-testid=hanzi]:not(:has-text("${word}")), [data-testid=empty]`);
    }
    await popup.waitForSelector('[data-testid=empty]');
    expect(await popup.textContent('[data-testid=empty]')).toMatch(/Nothing to review right now.*due in 10m/);
    await expect.poll(() => badge(s)).toBe('');
    expect(await readStore(popup, 'reviews')).toHaveLength(2);
    await popup.close();
  });

  it('exports a JSON backup from the word list that imports into a fresh profile as identical data', async () => {
    const exported = await exportJson(s);
    const backup = JSON.parse(exported) as { words: unknown[]; reviews: unknown[]; exportedAt: number };
    expect(backup.words).toHaveLength(2);
    expect(backup.reviews).toHaveLength(2);

    fresh = await startSession();
    const page = await fresh.open(fresh.extensionUrl('words.html'));
    await page.waitForSelector('[data-testid=no-words]');
    // Every progress line the page shows during the import, however briefly.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { progress: string[] }).progress = []);
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=transfer-progress]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.setInputFiles('[data-testid=import-json]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => page.textContent('[data-testid=transfer-status]')).toContain('Imported 2 new words');
    const progress = await page.evaluate(() => (window as unknown as { progress: string[] }).progress);
    expect(progress.at(-1)?.trim()).toMatch(/^Saving record \d+ of \d+…$/);
    expect(await page.locator('[data-testid=transfer-progress]').count()).toBe(0);
    expect(await page.textContent('[data-testid=word-count]')).toBe('2 of 2 words');
    await page.close();

    const again = JSON.parse(await exportJson(fresh)) as typeof backup;
    expect({ ...again, exportedAt: 0 }).toEqual({ ...backup, exportedAt: 0 });
  });

  it('refuses a truncated backup with a clear message and changes nothing', async () => {
    if (!fresh) throw new Error('needs the fresh profile of the previous test');
    const before = await exportJson(fresh);
    const page = await fresh.open(fresh.extensionUrl('words.html'));
    await page.waitForSelector('[data-testid=word-count]');
    await page.setInputFiles('[data-testid=import-json]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(before.slice(0, 200)) });
    await expect.poll(() => page.textContent('[data-testid=transfer-status]')).toMatch(/not valid JSON: it may be truncated/);
    expect(await page.getAttribute('[data-testid=transfer-status]', 'role')).toBe('alert');
    await page.close();
    const after = JSON.parse(await exportJson(fresh)) as { exportedAt: number };
    expect({ ...after, exportedAt: 0 }).toEqual({ ...(JSON.parse(before) as object), exportedAt: 0 });
  });

  it('edits, marks known, suspends and deletes from the word list', async () => {
    if (!fresh) throw new Error('needs the fresh profile of the backup test');
    const page = await fresh.open(fresh.extensionUrl('words.html'));
    await page.waitForSelector('[data-testid=word-count]');
    await page.fill('[data-testid=search]', 'destiny');
    await expect.poll(() => page.textContent('[data-testid=word-count]')).toBe('1 of 2 words');
    const row = page.locator('[data-testid=word-row][data-word=命运共同体]');
    await row.getByRole('button', { name: 'Note' }).click();
    await row.getByRole('textbox').fill('a slogan of Xi’s diplomacy');
    await row.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => row.locator('[data-testid=note]').textContent()).toBe('a slogan of Xi’s diplomacy');
    await row.getByRole('button', { name: 'Known', exact: true }).click();
    await expect.poll(() => row.locator('[data-testid=due]').textContent()).toBe('known');
    await page.fill('[data-testid=search]', '');
    const summitRow = page.locator('[data-testid=word-row][data-word=峰会]');
    await summitRow.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => summitRow.locator('[data-testid=due]').textContent()).toBe('suspended');
    await summitRow.getByRole('button', { name: 'Delete' }).click();
    await summitRow.getByRole('button', { name: 'Delete with its reviews?' }).click();
    await expect.poll(() => page.textContent('[data-testid=word-count]')).toBe('1 of 1 words');
    const words = (await readStore(page, 'words')) as { simplified: string; note?: string }[];
    expect(words).toMatchObject([{ simplified: '命运共同体', note: 'a slogan of Xi’s diplomacy' }]);
    expect(await readStore(page, 'known')).toMatchObject([{ simplified: '命运共同体' }]);
    expect(await readStore(page, 'reviews')).toMatchObject([{ wordId: 2 }]);
    await page.close();
  });

  it('loses nothing when two tabs save at the same time', async () => {
    const [a, b] = [await s.open(s.extensionUrl('words.html')), await s.open(s.extensionUrl('words.html'))];
    const word = { simplified: '合作', traditional: '合作', pinyin: 'he2 zuo4', definitions: ['to cooperate'] };
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => saveWord(i % 2 ? a : b, word, `第${i}句合作。`)),
    );
    expect(replies.every((r) => (r as { ok: boolean }).ok)).toBe(true);
    const words = (await readStore(a, 'words')) as { simplified: string; contexts: unknown[] }[];
    expect(words.filter((w) => w.simplified === '合作').map((w) => w.contexts.length)).toEqual([30]);
    await a.close();
    await b.close();
  });

  it('keeps every save when the service worker is stopped between them', async () => {
    const page = await s.open(s.extensionUrl('words.html'));
    await s.serviceWorker.evaluate(() => Object.assign(globalThis, { yueduBeforeStop: true }));
    await stopServiceWorkers(page);
    const reply = await saveWord(page, { simplified: '丝路', traditional: '絲路', pinyin: 'si1 lu4', definitions: ['Silk Road'] }, '丝路精神。');
    expect(reply).toEqual({ ok: true, value: { id: 4, created: true } });
    const words = (await readStore(page, 'words')) as { simplified: string }[];
    expect(words.map((w) => w.simplified)).toEqual(['峰会', '命运共同体', '合作', '丝路']);
    // A new worker (without the old one's globals) answered; it counts the two new words, due at once.
    const worker = s.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker after the restart');
    expect(await worker.evaluate(() => 'yueduBeforeStop' in globalThis)).toBe(false);
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('2');
    await page.close();
  });

  it('logged no console errors anywhere', () => {
    expect(s.errors).toEqual([]);
    expect(fresh?.errors).toEqual([]);
  });
});
