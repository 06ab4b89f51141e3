/**
 * A page's own scripts against the built extension in Chromium: synthetic events write nothing into the reader's
 * store, and replaying WXT's start-up announcement neither switches Yuedu off nor shows the page the extension id.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAt, readCard as card } from '../../scripts/lib/page';
import { storedRows } from './support/in-page';
import { startSession, type E2ESession } from './support/session';

let s: E2ESession;

async function rows(): Promise<{ words: unknown[]; known: unknown[] }> {
  const popup = await s.open(s.extensionUrl('popup.html'));
  const words = await popup.evaluate(storedRows, 'words');
  const known = await popup.evaluate(storedRows, 'known');
  await popup.close();
  return { words, known };
}

/** Points at `word` with the real mouse and waits for its card. */
async function hover(page: Page, word: string): Promise<void> {
  const { x, y } = await pointAt(page, word, 'article');
  await page.mouse.move(x, y - 1);
  await page.mouse.move(x, y);
  await expect.poll(async () => (await card(page))?.entries[0]?.word, { timeout: 10_000 }).toBe(word);
}

describe('what a page can do to the reader', () => {
  beforeAll(async () => {
    s = await startSession();
    await s.context.route((url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1', (route) => route.abort());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('synthetic mousemove shows a card, but synthetic s, k, c and arrows write nothing to the store', async () => {
    const before = await rows();
    const page = await s.open(s.server.url('/silk-road.html'));
    await page.waitForSelector('[data-yuedu-article]');
    const { x, y } = await pointAt(page, '三股势力', 'article');
    // The page's own script: a pointer over the word, then the keys that save, copy and step, many times.
    await page.evaluate(
      async ({ x, y }) => {
        const target = document.elementFromPoint(x, y) ?? document.body;
        for (const dy of [-1, 0]) target.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y + dy, bubbles: true }));
        await new Promise((r) => setTimeout(r, 1500));
        for (let i = 0; i < 5; i++)
          for (const key of ['s', 'S', 'k', 'c', 'ArrowRight', 's']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      },
      { x, y },
    );
    // The card came up on the synthetic pointer (harmless, and the benches rely on it)...
    await expect.poll(async () => (await card(page))?.entries.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    // ...but nothing was saved, no status line says so, and the store is as it was.
    expect((await card(page))?.status ?? '').not.toMatch(/三股势力|已|[Ss]aved/);
    expect(await rows()).toEqual(before);

    // The reader's own key press still saves.
    await hover(page, '三股势力');
    await page.keyboard.press('s');
    await expect.poll(async () => (await rows()).words.length).toBe(before.words.length + 1);
    await page.close();
  });

  it('a page replaying WXT\'s start-up announcement does not switch Yuedu off, and never sees the extension id', async () => {
    const page = await s.context.newPage();
    // Installed before the page's own scripts and before the content script: everything posted to the window.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    });
    await page.goto(s.server.url('/silk-road.html'));
    await page.waitForSelector('[data-yuedu-article]');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.join('\n')).not.toContain(s.extensionId);
    // The id is public (the store lists it): the page sends the announcement itself, the way WXT spells it.
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'page' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }, s.extensionId);
    await page.waitForTimeout(500);
    await hover(page, '三股势力');
    await page.close();
  });

  it('the saved-word underlines are not in the page\'s CSS.highlights registry before the reader\'s own input', async () => {
    // 三股势力 was saved by the first test.
    const page = await s.open(s.server.url('/silk-road.html'));
    await page.waitForSelector('[data-yuedu-article]');
    const saved = () => page.evaluate(() => [...(CSS.highlights.get('yuedu-saved') ?? [])].map((r) => (r as Range).toString()));
    // Synthetic input from the page does not count.
    await page.evaluate(() => {
      for (const type of ['pointermove', 'pointerdown']) window.dispatchEvent(new PointerEvent(type, { bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    });
    await page.waitForTimeout(1500);
    expect(await saved()).toEqual([]);
    await page.mouse.move(5, 5);
    await page.mouse.move(10, 10);
    await expect.poll(saved).toContain('三股势力');
    await page.close();
  });
});
