/**
 * What the reader knows, end to end in Chromium: the level chosen in the options drives the "unknown words" layer and
 * the popup's shares; `k` on the card marks a word known and takes it back; "I've read this article" marks the
 * article's unknown words known, less the ones unticked, and undoes it.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pointAt, readCard } from '../../scripts/lib/page';
import { ROOT } from '../../scripts/lib/build';
import { LOOKUP_BATCH } from '../../lib/messaging/protocol';
import initSqlJs from 'sql.js';
import { modernApkg } from '../unit/anki/deck-fixture';
import { layerWords, storedRows } from './support/in-page';
import { saveWord } from './support/save-word';
import { startSession, type E2ESession } from './support/session';

let s: E2ESession;
/** The layer is drawn in chunks with pauses between them: allow it time. */
const LAYER = { timeout: 20_000 };

async function openArticle(): Promise<Page> {
  const page = await s.openDemo();
  await page.waitForSelector('[data-yuedu-article]');
  return page;
}

async function rows(store: 'known' | 'notKnown'): Promise<string[]> {
  const page = await s.open(s.extensionUrl('popup.html'));
  const found = (await page.evaluate(storedRows, store)) as { simplified: string }[];
  await page.close();
  return found.map((r) => r.simplified).sort();
}

/** The popup over `article` (the active tab), with its article stats drawn. */
async function popupOver(article: Page): Promise<Page> {
  const popup = await s.context.newPage();
  await article.bringToFront();
  await popup.goto(s.extensionUrl('popup.html'));
  await popup.waitForSelector('[data-testid=stats-known]');
  return popup;
}

/** Asks the page's content script for a layer mode, from the popup's layer control. */
async function setLayer(article: Page, mode: 'off' | 'unknown'): Promise<void> {
  const popup = await popupOver(article);
  const button = popup.locator(`[data-testid=pinyin-layer] button[data-mode=${mode}]`);
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed'), LAYER).toBe('true');
  await popup.close();
  await article.bringToFront();
  await expect.poll(() => article.getAttribute('[data-yuedu-article]', 'data-yuedu-pinyin'), LAYER).toBe(mode === 'off' ? null : mode);
}

/** A number the popup shows, formatted for the UI language (1,024; 45%). */
const num = async (popup: Page, id: string) => Number((await popup.textContent(`[data-testid=${id}]`))?.replace(/\D/g, ''));

const rubyWords = async (page: Page) => (await page.evaluate(layerWords)).map((w) => w.word);

/** The HSK level the dictionary gives each word (looked up as the card does, in one batch), from an extension page. */
async function hskOf(words: string[]): Promise<Map<string, number | undefined>> {
  const page = await s.open(s.extensionUrl('popup.html'));
  const levels = new Map<string, number | undefined>();
  for (let start = 0; start < words.length; start += LOOKUP_BATCH) {
    const batch = words.slice(start, start + LOOKUP_BATCH);
    const reply = (await page.evaluate(
      (windows) => chrome.runtime.sendMessage({ yuedu: 1, type: 'lookupMany', payload: { windows } }),
      batch.map((text) => ({ text })),
    )) as { value: { matches: { text: string; entries: { hsk?: number }[] }[][] } };
    batch.forEach((word, i) => levels.set(word, reply.value.matches[i]?.find((m) => m.text === word)?.entries[0]?.hsk));
  }
  await page.close();
  return levels;
}

async function setLevel(level: string): Promise<void> {
  const options = await s.open(s.extensionUrl('options.html'));
  await options.waitForSelector('#known-level');
  await options.selectOption('#known-level', level);
  await expect
    .poll(async () => ((await s.serviceWorker.evaluate(() => chrome.storage.sync.get('settings'))) as { settings?: { knownLevel?: number } }).settings?.knownLevel)
    .toBe(Number(level));
  await options.close();
}

describe('what the reader knows', () => {
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });
  beforeEach(async () => {
    await setLevel('0');
  });

  it('the level: the "unknown" layer puts pinyin only over words above it, and the popup counts them known', async () => {
    const article = await openArticle();
    let popup = await popupOver(article);
    expect(await popup.textContent('[data-testid=stats-known]')).toBe('0%');
    expect(await popup.textContent('[data-testid=stats-unknown]')).toBe('100%');
    const allUnknown = await num(popup, 'stats-distinct-unknown');
    await popup.close();

    await setLevel('2');
    await setLayer(article, 'unknown');
    const glossed = await rubyWords(article);
    expect(glossed.length).toBeGreaterThan(100);
    const levels = await hskOf([...new Set(glossed)]);
    // Every word with pinyin is above HSK 2 or off the list; the article's HSK 1–2 words (中国, 发展…) have none.
    const tooEasy = [...levels].filter(([, hsk]) => hsk !== undefined && hsk <= 2).map(([w]) => w);
    expect(tooEasy).toEqual([]);
    expect(await article.textContent('[data-yuedu-article]')).toContain('中国');
    expect(glossed).not.toContain('中国');
    expect(glossed).toContain('峰会');

    popup = await popupOver(article);
    const known = await num(popup, 'stats-known');
    const unknown = await num(popup, 'stats-unknown');
    expect(known).toBeGreaterThan(20);
    expect(known + unknown).toBeGreaterThanOrEqual(99);
    expect(await num(popup, 'stats-distinct-unknown')).toBeLessThan(allUnknown);
    await popup.close();
    await setLayer(article, 'off');
    await article.close();
  });

  it('the card shows the state of a word outside the article too, once the store has answered', async () => {
    const article = await openArticle();
    // 财经 is in the page's menu, not in the article: the page has not asked about it before the card does.
    const { x, y } = await pointAt(article, '财经', 'nav');
    await article.mouse.move(x - 30, y + 30);
    await article.mouse.move(x, y, { steps: 5 });
    await expect.poll(async () => (await readCard(article))?.entries[0]?.word, { timeout: 10_000 }).toBe('财经');
    // Known or not as the level set by the tests before says: a state, where the card showed none.
    await expect.poll(async () => (await readCard(article))?.state, { timeout: 10_000 }).toMatch(/^(known|unknown)$/);
    await article.close();
  });

  it('`k` on the card marks the word known and takes it back; the card, the layer and the store follow', async () => {
    const article = await openArticle();
    await setLayer(article, 'unknown');
    expect(await rubyWords(article)).toContain('峰会');
    const { x, y } = await pointAt(article, '峰会', '[data-yuedu-article]');
    await article.mouse.move(x - 20, y - 20);
    await article.mouse.move(x, y, { steps: 4 });
    await expect.poll(async () => (await readCard(article))?.entries[0]?.word, { timeout: 10_000 }).toBe('峰会');
    expect((await readCard(article))?.state).toBe('unknown');

    await article.keyboard.press('k');
    await expect.poll(async () => (await readCard(article))?.status).toMatch(/峰会 marked known/);
    expect((await readCard(article))?.state).toBe('known');
    expect(await rows('known')).toEqual(['峰会']);
    await expect.poll(() => rubyWords(article), LAYER).not.toContain('峰会');

    // The layer was redrawn under the pointer: point at the word again, then take the mark back.
    const again = await pointAt(article, '峰会', '[data-yuedu-article]');
    await article.mouse.move(again.x - 20, again.y - 20);
    await article.mouse.move(again.x, again.y, { steps: 4 });
    await expect.poll(async () => (await readCard(article))?.state, { timeout: 10_000 }).toBe('known');
    await article.keyboard.press('k');
    await expect.poll(async () => (await readCard(article))?.status).toMatch(/峰会 no longer known/);
    expect(await rows('known')).toEqual([]);
    expect(await rows('notKnown')).toEqual([]);
    await expect.poll(() => rubyWords(article), LAYER).toContain('峰会');
    await setLayer(article, 'off');
    await article.close();
  });

  it('"I\'ve read this article" marks the unknown words known, less the ones unticked, and undoes it', async () => {
    const article = await openArticle();
    const popup = await popupOver(article);
    const distinct = await num(popup, 'stats-distinct-unknown');
    expect(distinct).toBeGreaterThan(100);
    await popup.click('[data-testid=read-open]');
    const boxes = popup.locator('.yd-read-words input[type=checkbox]');
    expect(await boxes.count()).toBe(distinct);
    await popup.uncheck('input[data-word="峰会"]');
    await popup.uncheck('input[data-word="丝绸之路"]');
    await popup.click('[data-testid=read-confirm]');
    await expect.poll(() => popup.textContent('[data-testid=read-status]')).toMatch(`${distinct - 2} words marked known.`);
    const known = await rows('known');
    expect(known).toHaveLength(distinct - 2);
    expect(known).not.toContain('峰会');
    expect(known).toContain('中国');
    await expect.poll(() => num(popup, 'stats-distinct-unknown')).toBe(2);
    expect(await popup.textContent('[data-testid=stats-unknown]')).not.toBe('0%');

    await popup.click('[data-testid=read-undo]');
    await expect.poll(() => popup.textContent('[data-testid=read-status]')).toMatch('Undone.');
    expect(await rows('known')).toEqual([]);
    expect(await rows('notKnown')).toEqual([]);
    await expect.poll(() => num(popup, 'stats-distinct-unknown')).toBe(distinct);
    await popup.close();
    await article.close();
  });

  it('imports a real word list with a preview, refuses a bad file, and lists, searches and un-knows the known words', async () => {
    const words = await s.open(s.extensionUrl('words.html'));
    await words.waitForSelector('[data-testid=known-words]');
    // A binary file is refused, saying why, and nothing changes.
    await words.setInputFiles('[data-testid=known-import]', path.join(ROOT, 'docs/popup.png'));
    await expect.poll(() => words.textContent('[data-testid=known-status]')).toMatch(/not a text file/);
    expect(await words.locator('[data-testid=known-preview]').count()).toBe(0);

    // The HSK 3.0 list as published (CSV: ID, Simplified, Traditional, …): the simplified column is found.
    const hsk = path.join(process.env.YUEDU_FIXTURES ?? '/work/shared/fixtures', 'wordlists/hsk30.csv');
    await words.setInputFiles('[data-testid=known-import]', hsk);
    await words.waitForSelector('[data-testid=known-preview]');
    expect(await words.inputValue('[data-testid=known-column]')).toBe('1');
    const planned = Number((await words.textContent('[data-testid=known-preview-add]'))?.replace(/\D/g, ''));
    expect(planned).toBeGreaterThan(10_000);
    expect(await rows('known')).toEqual([]);
    await words.click('[data-testid=known-import-confirm]');
    await expect.poll(() => words.textContent('[data-testid=known-status]'), { timeout: 30_000 }).toBe(`${planned} words marked known.`);
    expect((await rows('known')).length).toBe(planned);

    await words.fill('[data-testid=known-search]', '峰会');
    await expect.poll(() => words.locator('[data-known]').count()).toBe(1);
    await words.click('[data-known="峰会"] button');
    await expect.poll(() => words.locator('[data-known]').count()).toBe(0);
    expect(await rows('notKnown')).toEqual(['峰会']);
    await words.close();

    // The page follows: 峰会 stays glossed in the "unknown" layer, the list's other words are bare.
    const article = await openArticle();
    await setLayer(article, 'unknown');
    const glossed = await rubyWords(article);
    expect(glossed).toContain('峰会');
    expect(glossed).not.toContain('中国');
    await setLayer(article, 'off');
    await article.close();
  });

  it('on the page (an option, off by default): the words being learned tinted, the unknown words underlined', async () => {
    // After the import above: the HSK list is known but for 峰会, marked not known.
    await setLevel('2');
    const popup = await s.open(s.extensionUrl('popup.html'));
    await saveWord(popup, { simplified: '丝绸之路', traditional: '絲綢之路', pinyin: 'si1 chou2 zhi1 lu4', definitions: ['the Silk Road'] }, '丝绸之路');
    await popup.close();
    const highlighted = (page: Page, name: string) =>
      page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString()), name);

    const article = await openArticle();
    await article.mouse.move(5, 5);
    await article.mouse.move(10, 10);
    await expect.poll(() => highlighted(article, 'yuedu-saved')).toContain('丝绸之路');
    expect(await highlighted(article, 'yuedu-unknown')).toEqual([]);
    expect(await highlighted(article, 'yuedu-learning')).toEqual([]);

    const options = await s.open(s.extensionUrl('options.html'));
    await options.setChecked('input[name=knownHighlights]', true);
    await expect
      .poll(async () => ((await s.serviceWorker.evaluate(() => chrome.storage.sync.get('settings'))) as { settings?: { knownHighlights?: boolean } }).settings?.knownHighlights)
      .toBe(true);
    await article.bringToFront();
    await expect.poll(() => highlighted(article, 'yuedu-unknown')).toContain('峰会');
    const unknown = await highlighted(article, 'yuedu-unknown');
    expect(unknown).not.toContain('中国');
    expect(unknown).not.toContain('丝绸之路');
    expect(await highlighted(article, 'yuedu-learning')).toContain('丝绸之路');

    await options.bringToFront();
    await options.setChecked('input[name=knownHighlights]', false);
    await article.bringToFront();
    await expect.poll(() => highlighted(article, 'yuedu-unknown')).toEqual([]);
    expect(await highlighted(article, 'yuedu-learning')).toEqual([]);
    await options.close();
    await article.close();
  });

  it('imports a field of an Anki deck (.apkg as Anki 2.1.50+ writes it) as words to learn, with a preview', async () => {
    const words = await s.open(s.extensionUrl('words.html'));
    await words.waitForSelector('[data-testid=known-words]');
    const deck = Buffer.from(modernApkg(await initSqlJs()));
    await words.setInputFiles('[data-testid=known-import]', { name: 'Chinese.apkg', mimeType: 'application/octet-stream', buffer: deck });
    await words.waitForSelector('[data-testid=known-preview]');
    // The note type with most notes first, its Hanzi field found by its content and shown by its name.
    expect(await words.textContent('[data-testid=import-note-type] option:checked')).toBe('Chinese (Pleco) (3 notes)');
    expect(await words.textContent('[data-testid=known-column] option:checked')).toMatch(/^Hanzi: 峰会 · 命运共同体/);
    await words.check('[data-testid=import-target-saved]');
    await expect.poll(() => words.textContent('[data-testid=known-preview-add]')).toBe('3 words will be saved to learn');
    expect(await rows('known')).not.toContain('峰会');
    await words.click('[data-testid=known-import-confirm]');
    await expect.poll(() => words.textContent('[data-testid=known-status]')).toMatch(/^3 words saved to learn\. 0 not in the dictionary/);
    const page = await s.open(s.extensionUrl('popup.html'));
    const saved = (await page.evaluate(storedRows, 'words')) as { simplified: string; pinyin: string; contexts: unknown[] }[];
    await page.close();
    const deckWords = new Set(['你好', '命运共同体', '峰会']);
    expect(saved.filter((w) => deckWords.has(w.simplified)).map((w) => [w.simplified, w.pinyin, w.contexts.length]).sort()).toEqual([
      ['你好', 'ni3 hao3', 0],
      ['命运共同体', 'ming4 yun4 gong4 tong2 ti3', 0],
      ['峰会', 'feng1 hui4', 0],
    ]);
    // A file that is no deck, named like one, is refused, saying why.
    await words.setInputFiles('[data-testid=known-import]', { name: 'broken.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
    await expect.poll(() => words.textContent('[data-testid=known-status]')).toMatch(/not an Anki deck/);
    await words.close();
  });
});
