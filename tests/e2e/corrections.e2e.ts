/**
 * Corrections end to end in Chromium with the built extension: on the hover card r gives a word its next reading,
 * j joins it with the next word, x splits it, u undoes; the pinyin layer and the card follow at once, a word saved
 * after a join is the joined word, the corrections hold on their site (or, switched on the word list, on every page),
 * and the word list lists and removes them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { readCard } from '../../scripts/lib/page';
import { pointAtLayerWord, pressOnCard as press, readingsInLayer, wordsOfLayer as layerWords } from './support/card-keys';
import { storedRows } from './support/in-page';
import { startSession, type E2ESession } from './support/session';

let s: E2ESession;

/** The layer is drawn in chunks with pauses between them: allow it time. */
const LAYER = { timeout: 20_000 };

/** The sample dispatch on `host` (the server answers on 127.0.0.1 and localhost: two sites), with its layer drawn. */
async function openDispatch(host = '127.0.0.1'): Promise<Page> {
  const url = new URL(s.server.url('/silk-road.html'));
  url.hostname = host;
  const page = await s.open(url.href);
  await page.waitForSelector('[data-yuedu-article][data-yuedu-pinyin=all]', LAYER);
  return page;
}

/** Points at the layer's word `first` that the word `then` follows, from just above it, and waits for the card of `word`. */
async function hover(page: Page, before: [string, string], word: string) {
  const { x, y } = await pointAtLayerWord(page, before);
  await page.mouse.move(2, 2);
  await page.mouse.move(x, y - 1);
  await page.mouse.move(x, y, { steps: 2 });
  await expect.poll(async () => (await readCard(page))?.entries[0]?.word, { timeout: 10_000 }).toBe(word);
}

const correctionRows = async (words: Page) => {
  await words.waitForSelector('[data-testid=correction], [data-testid=corrections-none]');
  return words.locator('[data-testid=correction]').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-kind')}:${li.getAttribute('data-word')}:${li.getAttribute('data-scope')}`));
};

describe('corrections', () => {
  beforeAll(async () => {
    s = await startSession();
    await s.serviceWorker.evaluate((settings) => chrome.storage.sync.set({ settings }), { ...DEFAULT_SETTINGS, pinyinLayerDefault: 'all' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('r gives a word its next reading on the card and the layer, round and round, and u undoes it', async () => {
    const page = await openDispatch();
    expect(await readingsInLayer(page, '都')).toEqual(['dōu']);

    await hover(page, ['都', '是'], '都');
    await press(page, 'r', /dū/);
    expect((await readCard(page))?.entries[0]?.pinyin).toBe('dū');
    await expect.poll(() => readingsInLayer(page, '都'), LAYER).toEqual(['dū']);

    await press(page, 'r', /dōu/);
    await expect.poll(() => readingsInLayer(page, '都'), LAYER).toEqual(['dōu']);
    await press(page, 'r', /dū/);
    await expect.poll(() => readingsInLayer(page, '都'), LAYER).toEqual(['dū']);

    await press(page, 'u', /undone/);
    await expect.poll(() => readingsInLayer(page, '都'), LAYER).toEqual(['dōu']);
    await page.close();
  });

  it('j joins a word with the next into one word of the card, the layer and the saved card; x splits one; the word list lists and removes them', async () => {
    const page = await openDispatch();
    expect(await layerWords(page)).toEqual(expect.arrayContaining(['中亚', '峰会', '命运共同体']));
    expect(await layerWords(page)).not.toContain('中亚峰会');

    await hover(page, ['中亚', '峰会'], '中亚');
    await press(page, 'j', /中亚峰会/);
    expect((await readCard(page))?.entries[0]?.word).toBe('中亚峰会');
    await expect.poll(() => layerWords(page), LAYER).toContain('中亚峰会');
    await press(page, 's', /中亚峰会/);

    await hover(page, ['命运共同体', '成色'], '命运共同体');
    await press(page, 'x', /命运 \| 共同体/);
    expect((await readCard(page))?.entries[0]?.word).toBe('命运');
    await expect.poll(() => layerWords(page), LAYER).not.toContain('命运共同体');
    expect(await layerWords(page)).toEqual(expect.arrayContaining(['命运', '共同体', '中亚峰会']));
    await page.close();

    const words = await s.open(s.extensionUrl('words.html'));
    const saved = (await words.evaluate(storedRows, 'words')) as { simplified: string; pinyin: string }[];
    // The joined word is saved whole, read as its parts are (中亚 is a name: Zhong1 Ya4).
    expect(saved.map((w) => `${w.simplified}:${w.pinyin}`)).toContain('中亚峰会:Zhong1 Ya4 feng1 hui4');
    expect(await correctionRows(words)).toEqual(['split:命运共同体:site', 'join:中亚峰会:site']);
    await words.click('[data-testid=correction][data-word=中亚峰会] [data-testid=correction-remove]');
    await expect.poll(() => correctionRows(words)).toEqual(['split:命运共同体:site']);
    await words.reload();
    expect(await correctionRows(words)).toEqual(['split:命运共同体:site']);
    await words.close();

    const again = await openDispatch();
    expect(await layerWords(again)).toContain('中亚');
    expect(await layerWords(again)).not.toContain('中亚峰会');
    expect(await layerWords(again)).not.toContain('命运共同体');
    await again.close();
  });

  it('a correction holds on its site, and on every page once switched so on the word list', async () => {
    // 127.0.0.1 has the split of 命运共同体 from the test before; localhost is another site.
    const other = await openDispatch('localhost');
    expect(await layerWords(other)).toContain('命运共同体');
    await other.close();

    const words = await s.open(s.extensionUrl('words.html'));
    await words.click('[data-testid=correction][data-word=命运共同体] [data-testid=correction-everywhere]');
    await expect.poll(() => correctionRows(words)).toEqual(['split:命运共同体:all']);
    await words.close();

    const everywhere = await openDispatch('localhost');
    expect(await layerWords(everywhere)).not.toContain('命运共同体');
    expect(await layerWords(everywhere)).toContain('共同体');
    await everywhere.close();
  });

  it('logged no console errors', () => {
    expect(s.errors).toEqual([]);
  });
});
