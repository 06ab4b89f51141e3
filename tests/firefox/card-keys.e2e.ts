/**
 * The hover card's keys in Firefox ESR, as Chromium's known.e2e.ts and corrections.e2e.ts test them: `k` marks the
 * word under a real pointer known on a real news page and takes it back, with the card, the background's store and
 * the word list following; r, j and x correct the dispatch's words on the card and in the pinyin layer, and u undoes.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { pointAt, readCard, type CardView } from '../../scripts/lib/page';
import { pointAtLayerWord, pressOnCard as press, readingsInLayer, wordsOfLayer } from '../e2e/support/card-keys';
import { withFirefoxSession, type FirefoxSession } from './support/session';
import { unpackFacts, type PackedFacts } from '../../lib/domain/known';

let s: FirefoxSession;

/** The layer is drawn in chunks with pauses between them: allow it time. */
const LAYER = { timeout: 20_000 };

/**
 * Moves the pointer from the page's corner to well above and left of `to`, then onto it in a path of small moves, as
 * a hand does, and waits for the card of `word`.
 */
async function hoverAlong(page: Page, to: { x: number; y: number }, word: string): Promise<CardView> {
  await page.mouse.move(2, 2);
  await page.mouse.move(to.x - 40, to.y - 30);
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await expect.poll(async () => (await readCard(page))?.entries[0]?.word).toBe(word);
  return (await readCard(page)) as CardView;
}

/** What the background's store says of `word`: marked known, marked not known, both or neither. */
async function marksOf(word: string): Promise<string[]> {
  const reply = (await s.toBackground('wordStates', { words: [word] })) as { value: PackedFacts };
  const facts = unpackFacts([word], reply.value);
  return (['known', 'notKnown'] as const).filter((mark) => facts[mark].includes(word));
}

/** The words the word list page lists as known, once it has read them from the store. */
async function knownOnWordList(): Promise<string[]> {
  const words = await s.openExtensionPage('words.html');
  // The count shows once the list is read from the store.
  await words.waitForSelector('[data-testid=known-count]');
  const known = await words.$$eval('[data-known]', (items) => items.map((li) => li.getAttribute('data-known') ?? ''));
  await words.close();
  return known;
}

/** The corrections the word list page lists: kind, word and scope of each. */
async function correctionsOnWordList(): Promise<string[]> {
  const words = await s.openExtensionPage('words.html');
  await words.waitForSelector('[data-testid=correction], [data-testid=corrections-none]');
  const rows = await words.$$eval('[data-testid=correction]', (items) =>
    items.map((li) => `${li.getAttribute('data-kind')}:${li.getAttribute('data-word')}:${li.getAttribute('data-scope')}`),
  );
  await words.close();
  return rows;
}

/** The sample dispatch with the pinyin layer over every word, turned on as the popup does. */
async function dispatchWithLayer(): Promise<Page> {
  const page = await s.openArticle();
  expect(await s.toTab(page, 'setPinyinLayer', { mode: 'all' })).toEqual({ ok: true, value: { mode: 'all' } });
  await page.waitForSelector('[data-yuedu-article][data-yuedu-pinyin=all]', LAYER);
  return page;
}

describe('the card keys in Firefox', () => {
  withFirefoxSession((session) => (s = session));

  it('`k` on a news page marks the word under the pointer known and takes it back; the card, the store and the word list follow', async () => {
    // Xinhua's dispatch from Wuhan: "我们在打一场无声的战役".
    const word = '战役';
    expect(await marksOf(word)).toEqual([]);
    const page = await s.openArticle('/fixtures/xinhuanet/source.html');
    await hoverAlong(page, await pointAt(page, word, '[data-yuedu-article]'), word);

    await page.keyboard.press('k');
    await expect.poll(async () => (await readCard(page))?.status).toMatch(`${word} marked known`);
    expect((await readCard(page))?.state).toBe('known');
    expect(await marksOf(word)).toEqual(['known']);
    expect(await knownOnWordList()).toEqual([word]);

    // The store's pages took the focus: point at the word afresh, then take the mark back.
    await page.bringToFront();
    expect((await hoverAlong(page, await pointAt(page, word, '[data-yuedu-article]'), word)).state).toBe('known');
    await page.keyboard.press('k');
    await expect.poll(async () => (await readCard(page))?.status).toMatch(`${word} no longer known`);
    expect((await readCard(page))?.state).toBe('unknown');
    expect(await marksOf(word)).toEqual([]);
    expect(await knownOnWordList()).toEqual([]);
  });

  it('r gives 都 its next reading on the card and in the layer, and u undoes it', async () => {
    const page = await dispatchWithLayer();
    expect(await readingsInLayer(page, '都')).toEqual(['dōu']);
    await hoverAlong(page, await pointAtLayerWord(page, ['都', '是']), '都');
    await press(page, 'r', /dū/);
    expect((await readCard(page))?.entries[0]?.pinyin).toBe('dū');
    await expect.poll(() => readingsInLayer(page, '都'), LAYER).toEqual(['dū']);

    await press(page, 'u', /undone/);
    expect((await readCard(page))?.entries[0]?.pinyin).toBe('dōu');
    await expect.poll(() => readingsInLayer(page, '都'), LAYER).toEqual(['dōu']);
    expect(await correctionsOnWordList()).toEqual([]);
  });

  it('j joins 中亚 with 峰会 and x splits 命运共同体, on the card, in the layer and on the word list; u undoes each', async () => {
    const page = await dispatchWithLayer();
    expect(await wordsOfLayer(page)).toEqual(expect.arrayContaining(['中亚', '峰会', '命运共同体']));
    expect(await wordsOfLayer(page)).not.toContain('中亚峰会');

    await hoverAlong(page, await pointAtLayerWord(page, ['中亚', '峰会']), '中亚');
    await press(page, 'j', /中亚峰会/);
    expect((await readCard(page))?.entries[0]?.word).toBe('中亚峰会');
    await expect.poll(() => wordsOfLayer(page), LAYER).toContain('中亚峰会');

    await hoverAlong(page, await pointAtLayerWord(page, ['命运共同体', '成色']), '命运共同体');
    await press(page, 'x', /命运 \| 共同体/);
    expect((await readCard(page))?.entries[0]?.word).toBe('命运');
    await expect.poll(() => wordsOfLayer(page), LAYER).not.toContain('命运共同体');
    expect(await wordsOfLayer(page)).toEqual(expect.arrayContaining(['命运', '共同体', '中亚峰会']));
    expect(await correctionsOnWordList()).toEqual(['split:命运共同体:site', 'join:中亚峰会:site']);

    await page.bringToFront();
    await hoverAlong(page, await pointAtLayerWord(page, ['命运', '共同体']), '命运');
    await press(page, 'u', /undone/);
    await expect.poll(() => wordsOfLayer(page), LAYER).toContain('命运共同体');
    await hoverAlong(page, await pointAtLayerWord(page, ['中亚峰会', '召开']), '中亚峰会');
    await press(page, 'u', /undone/);
    expect((await readCard(page))?.entries[0]?.word).toBe('中亚');
    await expect.poll(() => wordsOfLayer(page), LAYER).not.toContain('中亚峰会');
    expect(await correctionsOnWordList()).toEqual([]);
  });

  it('logged no console errors', () => {
    expect(s.errors).toEqual([]);
  });
});
