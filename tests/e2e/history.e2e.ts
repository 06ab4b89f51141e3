/**
 * The lookup history end to end: a word whose card the reader keeps up for a second appears on the word list page,
 * and is saved from there in one click; a card brought up by a page script's synthetic pointer event is not kept.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAt, readCard } from '../../scripts/lib/page';
import { startSession, type E2ESession } from './support/session';

let s: E2ESession;

/** Longer than the dwell time (content/hover/dwell.ts), so that the card has been up long enough to count. */
const DWELL_WAIT_MS = 1600;

const historyWords = async (page: Page) => {
  await page.waitForSelector('[data-testid=history-item], [data-testid=history-none]');
  return page.locator('[data-testid=history-item]').evaluateAll((items) => items.map((li) => li.getAttribute('data-word')));
};

describe('the lookup history', () => {
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('keeps a word whose card stayed up a second, lists it on the word list, and saves it in one click', async () => {
    const page = await s.open(s.server.url('/silk-road.html'));
    await page.waitForSelector('[data-yuedu-article]');

    // A page script's synthetic pointer event may bring a card up, but the reader did not look the word up.
    const forces = await pointAt(page, '三股势力', 'article');
    await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true })), forces);
    await expect.poll(async () => (await readCard(page))?.entries[0]?.word, { timeout: 10_000 }).toBe('三股势力');
    await page.waitForTimeout(DWELL_WAIT_MS);

    const { x, y } = await pointAt(page, '峰会', 'article');
    // Off any word first (the card closes), then onto 峰会 from just above it.
    await page.mouse.move(2, 2);
    await page.mouse.move(x, y - 1);
    await page.mouse.move(x, y, { steps: 2 });
    await expect.poll(async () => (await readCard(page))?.entries[0]?.word, { timeout: 10_000 }).toBe('峰会');
    await page.waitForTimeout(DWELL_WAIT_MS);
    await page.close();

    const words = await s.open(s.extensionUrl('words.html'));
    await expect.poll(() => historyWords(words)).toEqual(['峰会']);
    await words.click('[data-testid=history-item][data-word=峰会] [data-testid=history-save]');
    await words.waitForSelector('[data-testid=history-item][data-word=峰会] [data-testid=history-saved]');
    expect(await words.locator('[data-testid=no-words]').count()).toBe(0);
    expect(await words.locator('table').textContent()).toContain('峰会');

    await words.click('[data-testid=history-clear]');
    await words.waitForSelector('[data-testid=history-none]');
    await words.reload();
    expect(await historyWords(words)).toEqual([]);
    await words.close();
  });
});
