/**
 * Reading on the page in Debian's Firefox ESR with the built extension, loaded as a temporary add-on the way the
 * README says: the article is marked, cards show for the dispatch's set phrases and follow a real pointer path, the
 * pinyin layer comes off without a trace, `s` saves into IndexedDB and the popup reviews the saved word.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { pointAt, readCard, type CardView } from '../../scripts/lib/page';
import { hanUnderCard, layerGeometry, layerWords, storedRows, wordHighlight } from '../e2e/support/in-page';
import { withFirefoxSession, type FirefoxSession } from './support/session';

let s: FirefoxSession;

/** Points at `word` in the article and waits for a card whose first entry is `expected`. */
async function hover(page: Page, word: string, opts: { expected?: string; nth?: number } = {}): Promise<CardView> {
  const { x, y } = await pointAt(page, word, 'article', opts.nth);
  // pointAt may have scrolled the word into view: its scroll event, which closes a card, comes with the next frame,
  // and must not close the card of this hover when the page answers it at once (content/hover/own-lookup.ts).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.mouse.move(x, y - 1);
  await page.mouse.move(x, y);
  await expect.poll(async () => (await readCard(page))?.entries[0]?.word).toBe(opts.expected ?? word);
  return (await readCard(page)) as CardView;
}

/** The serialized article (XMLSerializer: tests may read markup; product code never does). */
const articleMarkup = (page: Page) =>
  page.evaluate(() => new XMLSerializer().serializeToString(document.querySelector('[data-yuedu-article]') as Element));

/** Every row of an IndexedDB store, read from an extension page. */
async function readStore(store: string): Promise<unknown[]> {
  const page = await s.openExtensionPage('popup.html');
  const rows = await page.evaluate(storedRows, store);
  await page.close();
  return rows;
}

describe('reading in Firefox', () => {
  withFirefoxSession((session) => (s = session));

  it('marks exactly one article on the sample dispatch: its <article>', async () => {
    const page = await s.openArticle();
    expect(await page.evaluate(() => [...document.querySelectorAll('[data-yuedu-article]')].map((e) => e.tagName))).toEqual(['ARTICLE']);
  });

  it('hovering 命运共同体, 三股势力 and 峰会 shows their glossary and CC-CEDICT entries, highlighted without touching the page', async () => {
    const page = await s.openArticle();
    const before = await page.evaluate(() => new XMLSerializer().serializeToString(document.body));

    const community = await hover(page, '命运共同体');
    expect(community.entries[0]).toMatchObject({ word: '命运共同体', source: 'glossary' });
    expect(community.entries[0]?.note).not.toBe('');
    expect(community.entries.map((e) => e.word)).toContain('命运');
    expect((await hover(page, '三股势力')).entries[0]).toMatchObject({ word: '三股势力', source: 'glossary' });
    expect((await hover(page, '峰会', { nth: 1 })).entries[0]).toMatchObject({ word: '峰会', source: 'cedict', pinyin: 'fēng huì' });

    // Firefox draws the word with the CSS Custom Highlight API too; the selection and the DOM are left alone.
    expect(await page.evaluate(wordHighlight)).toEqual({ highlighted: '峰会', selections: 0 });
    expect(await page.evaluate(() => new XMLSerializer().serializeToString(document.body))).toBe(before);

    await page.keyboard.press('Escape');
    await expect.poll(() => readCard(page)).toBeNull();
  });

  // Issue 13 item 0 ("the card follows the pointer, not the path"), as in Chromium's card.e2e.ts.
  it('moving down the dispatch onto 命运共同体 and then 峰会 shows their cards, not those of words passed on the way', async () => {
    const page = await s.openArticle();
    const start = await pointAt(page, '6月的阿斯塔纳', 'article');
    const community = await pointAt(page, '命运共同体', 'article');
    const summit = await pointAt(page, '峰会召开前夕', 'article');
    await page.mouse.move(start.x, start.y - 30);
    await page.mouse.move(community.x, community.y, { steps: 30 });
    await expect.poll(async () => (await readCard(page))?.entries[0]?.word).toBe('命运共同体');
    // Going down the lines, the card opens above the word: the lines the pointer is heading to stay clear.
    expect(await page.evaluate(() => (document.querySelector('yuedu-hover') as HTMLElement).dataset.side)).toBe('above');
    await page.mouse.move(summit.x, summit.y, { steps: 30 });
    await expect.poll(async () => (await readCard(page))?.entries[0]?.word).toBe('峰会');
  });

  it('a card below the word lets a quick diagonal move through to the text it covers', async () => {
    const page = await s.openArticle();
    const from = await pointAt(page, '命运共同体', 'article');
    // Read along the line onto the word: its card opens below it.
    await page.mouse.move(from.x - 40, from.y);
    await page.mouse.move(from.x, from.y, { steps: 5 });
    await expect.poll(async () => (await readCard(page))?.entries[0]?.word).toBe('命运共同体');
    const target = await page.evaluate(hanUnderCard, { from, slope: 1.2, steps: 2 });
    if (!target) throw new Error('no Han character under the card on a diagonal from 命运共同体');
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(async () => (await page.evaluate(wordHighlight)).highlighted?.[0]).toBe(target.char);
    expect((await readCard(page))?.entries[0]?.word[0]).toBe(target.char);
  });

  it('a pointer heading straight down into the card keeps it: the card then takes the pointer', async () => {
    const page = await s.openArticle();
    const from = await pointAt(page, '命运共同体', 'article');
    await page.mouse.move(from.x - 40, from.y);
    await page.mouse.move(from.x, from.y, { steps: 5 });
    await expect.poll(async () => (await readCard(page))?.entries[0]?.word).toBe('命运共同体');
    const top = await page.evaluate(() => (document.querySelector('yuedu-hover') as HTMLElement).getBoundingClientRect().top);
    await page.mouse.move(from.x, top + 24, { steps: 8 });
    await page.mouse.move(from.x + 20, top + 40, { steps: 4 });
    expect((await readCard(page))?.entries[0]?.word).toBe('命运共同体');
    expect(await page.evaluate(() => (document.querySelector('yuedu-hover') as HTMLElement).style.getPropertyValue('pointer-events'))).toBe('auto');
  });

  it('the pinyin layer puts each syllable over its character, legibly, and turning it off restores the article byte for byte', async () => {
    const page = await s.openArticle();
    const before = await articleMarkup(page);
    expect(await s.toTab(page, 'setPinyinLayer', { mode: 'toggle' })).toEqual({ ok: true, value: { mode: 'all' } });
    expect(await page.evaluate(() => document.querySelector('[data-yuedu-article]')?.getAttribute('data-yuedu-pinyin'))).toBe('all');
    const words = await page.evaluate(layerWords);
    expect(words.length).toBeGreaterThan(1000);
    expect(words.find(({ word }) => word === '命运共同体')?.pinyin).toBe('mìng yùn gòng tóng tǐ');
    // Legible as in Chromium (reading.e2e.ts): each syllable over its character, clear of the line above.
    const drawn = await page.evaluate(layerGeometry);
    expect(drawn.smallestPinyinPx).toBeGreaterThanOrEqual(11);
    expect(drawn.offCentre).toEqual([]);
    expect(drawn.intoLineAbove).toEqual([]);
    expect(drawn.touching).toEqual([]);
    expect(drawn.spreadBeyondNeed).toEqual([]);
    expect(drawn.pastArticle).toEqual([]);
    // Hover reads the layer's text and ignores the pinyin above it.
    expect((await hover(page, '三股势力')).entries[0]?.word).toBe('三股势力');

    expect(await s.toTab(page, 'setPinyinLayer', { mode: 'toggle' })).toEqual({ ok: true, value: { mode: 'off' } });
    expect(await articleMarkup(page)).toBe(before);
  });

  it('`s` saves the word with its sentence, title and URL into IndexedDB, and the article highlights it', async () => {
    const page = await s.openArticle();
    await hover(page, '三股势力');
    await page.keyboard.press('s');
    await expect.poll(async () => (await readCard(page))?.status).toMatch(/三股势力/);
    const words = (await readStore('words')) as { simplified: string; contexts: { sentence: string; title: string; url: string }[] }[];
    const saved = words.find((w) => w.simplified === '三股势力');
    expect(saved?.simplified).toBe('三股势力');
    expect(saved?.contexts[0]?.sentence).toContain('三股势力');
    expect(saved?.contexts[0]?.title).toBe(await page.title());
    expect(saved?.contexts[0]?.url).toBe(page.url());
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('yuedu-saved') ?? [])].map((r) => (r as Range).toString())))
      .toContain('三股势力');
  });

  it('the popup, opened at its moz-extension:// address, shows the saved word as a due card and grades it', async () => {
    const popup = await s.openExtensionPage('popup.html');
    await popup.bringToFront();
    await popup.waitForSelector('[data-testid=card][data-side=front]');
    expect(await popup.$eval('[data-testid=hanzi]', (e) => e.textContent)).toContain('三股势力');
    expect(await popup.$eval('[data-testid=due-count]', (e) => e.textContent)).toContain('1 due');
    await popup.keyboard.press(' ');
    await popup.waitForSelector('[data-testid=card][data-side=back]');
    await popup.keyboard.press('3');
    await popup.waitForSelector('[data-testid=empty]');
    const review = await popup.evaluate(storedRows, 'reviews');
    expect(review).toMatchObject([{ rating: 3 }]);
    await popup.close();
  });

  it('logged no console errors', () => {
    expect(s.errors).toEqual([]);
  });
});
