/**
 * Reading on the page in Debian's Firefox ESR with the built extension, loaded as a temporary add-on the way the
 * README says: the article is marked, cards show for the dispatch's set phrases and follow a real pointer path, the
 * pinyin layer comes off without a trace, `s` saves into IndexedDB and the popup reviews the saved word.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pointAt, readCard, type CardView } from '../../scripts/lib/page';
import { storedRows, wordHighlight } from '../e2e/support/in-page';
import { startFirefoxSession, type FirefoxSession } from './support/session';

let s: FirefoxSession;

/** Points at `word` in the article and waits for a card whose first entry is `expected`. */
async function hover(page: Page, word: string, opts: { expected?: string; nth?: number } = {}): Promise<CardView> {
  const { x, y } = await pointAt(page, word, 'article', opts.nth);
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
  beforeAll(async () => {
    s = await startFirefoxSession();
  });
  afterEach(async () => {
    // Tab requests go to the one open web page: a failed test must not leave its page behind.
    for (const page of await s.browser.pages()) if (page.url().startsWith(s.server.origin)) await page.close();
  });
  afterAll(async () => {
    await s?.close();
  });

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

  // Issue 13 item 0 ("the card follows the pointer, not the path") saw the card of a word passed on the way cover the
  // word below and stay. The path here: from the line above down onto 共 of 命运共同体, which that card covers.
  // Known failure in Firefox (issue 13 item 0, still open there): the card lets the pointer through in Chromium, but in
  // Firefox the word under it never gets its card, even on this diagonal path. Declared with it.fails so that it turns
  // red, to be flipped back to it(), the day the card follows the pointer in Firefox too.
  it.fails('a pointer moving down from the line above onto a word under that line\'s card gets the new word\'s card', async () => {
    const page = await s.openArticle();
    // 共 of 命运共同体: well inside the card of the word straight above it, which starts at that word's left edge.
    const first = await pointAt(page, '命运共同体', 'article');
    const charWidth = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('article p') as Element).fontSize));
    const target = { x: first.x + 2 * charWidth, y: first.y };
    // A Han character on the line above, two characters to the left: its card opens below it, over the target, and
    // the path down onto the target is diagonal, so the reader is not heading into the card (which would keep it).
    const above = await page.evaluate(({ x, y }) => {
      const doc = document as Document & { caretPositionFromPoint(x: number, y: number): { offsetNode: Node; offset: number } | null };
      const line = doc.caretPositionFromPoint(x, y);
      const lineTop = line ? (() => {
        const r = document.createRange();
        r.setStart(line.offsetNode, line.offset);
        r.setEnd(line.offsetNode, line.offset + 1);
        return r.getBoundingClientRect().top;
      })() : y;
      for (let dy = 4; dy < 80; dy += 2) {
        const at = doc.caretPositionFromPoint(x, y - dy);
        const text = at?.offsetNode.nodeValue ?? '';
        if (!at || !/\p{Script=Han}/u.test(text[at.offset] ?? '')) continue;
        const r = document.createRange();
        r.setStart(at.offsetNode, at.offset);
        r.setEnd(at.offsetNode, at.offset + 1);
        const box = r.getBoundingClientRect();
        if (box.bottom <= lineTop) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    }, { x: first.x, y: first.y });
    if (!above) throw new Error('no Han character on the line above 命运共同体');
    await page.mouse.move(above.x, above.y - 1);
    await page.mouse.move(above.x, above.y);
    await expect.poll(() => readCard(page)).not.toBeNull();
    expect((await readCard(page))?.entries[0]?.word).not.toBe('命运共同体');
    // The card covers the target: the pointer ends on the card's area, over the word.
    const cardBox = await page.evaluate(() => {
      const r = (document.querySelector('yuedu-hover')?.shadowRoot?.querySelector('.card') as Element).getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
    expect(target.x > cardBox.left && target.x < cardBox.right && target.y > cardBox.top && target.y < cardBox.bottom).toBe(true);
    await page.mouse.move(target.x, target.y, { steps: 12 });
    await expect.poll(async () => (await readCard(page))?.entries[0]?.word).toBe('共同体');
  });

  it('the pinyin layer puts ruby over each word, and turning it off restores the article byte for byte', async () => {
    const page = await s.openArticle();
    const before = await articleMarkup(page);
    expect(await s.toTab(page, 'setPinyinLayer', { mode: 'toggle' })).toEqual({ ok: true, value: { mode: 'all' } });
    expect(await page.evaluate(() => document.querySelector('[data-yuedu-article]')?.getAttribute('data-yuedu-pinyin'))).toBe('all');
    const rubies = await page.evaluate(() =>
      [...document.querySelectorAll('ruby[data-yuedu-ruby]')].map((r) => [r.firstChild?.textContent ?? '', r.querySelector('rt')?.textContent ?? '']),
    );
    expect(rubies.length).toBeGreaterThan(1000);
    expect(rubies.find(([word]) => word === '命运共同体')?.[1]).toBe('mìngyùngòngtóngtǐ');
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
