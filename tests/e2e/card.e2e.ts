/**
 * The hover card as a reader moves the pointer, end to end in Chromium with real pointer paths: the text under the
 * pointer wins over a card it passes (unless the pointer heads straight into the card), every Han character gets a
 * card, and the card sits beside the line being read, inside the viewport, where Alt+↑/↓ put it.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pointAt, readCard as card } from '../../scripts/lib/page';
import { hanUnderCard } from './support/in-page';
import { startSession, type E2ESession } from './support/session';

let s: E2ESession;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface CardPlace extends Box {
  side: string;
  pointerEvents: string;
  highlighted: string;
}

async function openArticle(): Promise<Page> {
  const page = await s.open(s.server.url('/silk-road.html'));
  await page.waitForSelector('[data-yuedu-article]');
  return page;
}

/** Where the card is, whether it takes the pointer, and the word highlighted on the page. */
function cardPlace(page: Page): Promise<CardPlace | null> {
  return page.evaluate(() => {
    const host = document.querySelector('yuedu-hover') as HTMLElement | null;
    if (!host || host.style.display !== 'block') return null;
    const r = host.getBoundingClientRect();
    const highlight = CSS.highlights.get('yuedu-word');
    const range = highlight ? ([...highlight][0] as Range | undefined) : undefined;
    return {
      left: r.left,
      top: r.top,
      right: r.right,
      bottom: r.bottom,
      side: host.dataset.side ?? '',
      pointerEvents: host.style.getPropertyValue('pointer-events'),
      highlighted: range?.toString() ?? '',
    };
  });
}

/** The box of the `nth` occurrence's first `length` characters of `text` in the article. */
function wordBox(page: Page, text: string, length = text.length, nth = 0): Promise<Box> {
  return page.evaluate(
    ({ text, length, nth }) => {
      const walker = document.createTreeWalker(document.querySelector('article') as Element, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.nodeValue?.indexOf(text) ?? -1;
        if (at < 0 || seen++ < nth) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + length);
        const r = range.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }
      throw new Error(`${text} not found`);
    },
    { text, length, nth },
  );
}

/** Comes onto a word along its line, from the left, as a reader reading it does: its card opens below it. */
async function readAlong(page: Page, word: string, nth = 0): Promise<{ x: number; y: number }> {
  const { x, y } = await pointAt(page, word, 'article', nth);
  await page.mouse.move(x - 40, y);
  await page.mouse.move(x, y, { steps: 5 });
  await expect.poll(async () => (await cardPlace(page))?.highlighted).toBe(word);
  return { x, y };
}

beforeAll(async () => {
  s = await startSession();
});
afterEach(async () => {
  for (const page of s.context.pages()) if (page.url().startsWith(s.server.origin)) await page.close();
});
afterAll(async () => {
  await s?.close();
});

describe('the hover card follows the pointer', () => {
  it('moving down the dispatch onto 命运共同体 and then 峰会 shows their cards, not those of words passed on the way', async () => {
    const page = await openArticle();
    const start = await pointAt(page, '6月的阿斯塔纳', 'article');
    const community = await pointAt(page, '命运共同体', 'article');
    const summit = await pointAt(page, '峰会召开前夕', 'article');
    await page.mouse.move(start.x, start.y - 30);
    await page.mouse.move(community.x, community.y, { steps: 30 });
    await expect.poll(async () => (await card(page))?.entries[0]?.word, { timeout: 10_000 }).toBe('命运共同体');
    // Going down the lines, the card opens above the word: the lines the pointer is heading to stay clear.
    const place = (await cardPlace(page)) as CardPlace;
    expect(place.side).toBe('above');
    expect(place.bottom).toBeLessThanOrEqual((await wordBox(page, '命运共同体')).top);
    await page.mouse.move(summit.x, summit.y, { steps: 30 });
    await expect.poll(async () => (await card(page))?.entries[0]?.word, { timeout: 10_000 }).toBe('峰会');
    await page.close();
  });

  it('a card below the word lets a quick diagonal move through to the text it covers', async () => {
    const page = await openArticle();
    const from = await readAlong(page, '命运共同体');
    const box = (await cardPlace(page)) as CardPlace;
    expect(box.side).toBe('below');
    // A Han character under the card, reached by a quick diagonal move (further across than down) from the word.
    const target = await page.evaluate(hanUnderCard, { from, slope: 1.2, steps: 2 });
    expect(target).not.toBeNull();
    const { x, y, char } = target as { x: number; y: number; char: string };
    await page.mouse.move(x, y, { steps: 2 });
    await expect.poll(async () => (await cardPlace(page))?.highlighted[0]).toBe(char);
    expect((await card(page))?.entries[0]?.word[0]).toBe(char);
    await page.close();
  });

  it('a pointer heading straight down into the card keeps it and can use it; leaving it, the text wins again', async () => {
    const page = await openArticle();
    const from = await readAlong(page, '命运共同体');
    const box = (await cardPlace(page)) as CardPlace;
    await page.mouse.move(from.x, box.top + 24, { steps: 8 });
    await page.mouse.move(from.x + 20, box.top + 40, { steps: 4 });
    const kept = (await cardPlace(page)) as CardPlace;
    expect(kept).toMatchObject({ highlighted: '命运共同体', pointerEvents: 'auto', top: box.top });
    // Out of the card, onto other text: its card, and the card lets the pointer through again.
    const summit = await pointAt(page, '峰会召开前夕', 'article');
    await page.mouse.move(box.right + 10, box.bottom + 10, { steps: 4 });
    await page.mouse.move(summit.x, summit.y, { steps: 6 });
    await expect.poll(async () => (await cardPlace(page))?.highlighted).toBe('峰会');
    expect((await cardPlace(page))?.pointerEvents).toBe('none');
    await page.close();
  });

  it('every Han character gets a card: 斯 inside 哈萨克斯坦, 耶 inside 托卡耶夫', async () => {
    const page = await openArticle();
    for (const [name, rest, char] of [['哈萨克斯坦', '斯坦总统', '斯'], ['托卡耶夫', '耶夫邀请', '耶']] as const) {
      const from = await readAlong(page, name);
      const inside = await pointAt(page, rest, 'article');
      expect(inside.y).toBeCloseTo(from.y, 0);
      await page.mouse.move(inside.x, inside.y, { steps: 6 });
      await expect.poll(async () => (await cardPlace(page))?.highlighted[0]).toBe(char);
      expect((await card(page))?.entries.map((e) => e.word)).toContain(char);
    }
    await page.close();
  });
});

describe('where the card sits', () => {
  /** Scrolls so that the word's line sits `at` px from the top (or, negative, from the bottom) of the viewport. */
  async function scrollWordTo(page: Page, word: string, at: number): Promise<void> {
    await page.evaluate(
      ({ word, at }) => {
        const walker = document.createTreeWalker(document.querySelector('article') as Element, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.nodeValue?.indexOf(word) ?? -1;
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const r = range.getBoundingClientRect();
          scrollBy(0, at >= 0 ? r.top - at : r.bottom - (innerHeight + at));
          return;
        }
      },
      { word, at },
    );
  }

  const within = (outer: Box, inner: Box) =>
    inner.left >= outer.left && inner.top >= outer.top && inner.right <= outer.right && inner.bottom <= outer.bottom;

  it('flips above a word at the bottom of the viewport, stays below one at the top, never over the line', async () => {
    const page = await openArticle();
    const view = await page.evaluate(() => ({ left: 0, top: 0, right: innerWidth, bottom: innerHeight }));
    await scrollWordTo(page, '三股势力', -4);
    await readAlong(page, '三股势力');
    const word = await wordBox(page, '三股势力');
    const atBottom = (await cardPlace(page)) as CardPlace;
    expect(atBottom.side).toBe('above');
    expect(atBottom.bottom).toBeLessThanOrEqual(word.top);
    expect(within(view, atBottom)).toBe(true);

    await page.mouse.move(5, 5);
    await scrollWordTo(page, '三股势力', 2);
    await readAlong(page, '三股势力');
    const top = await wordBox(page, '三股势力');
    const atTop = (await cardPlace(page)) as CardPlace;
    expect(atTop.side).toBe('below');
    expect(atTop.top).toBeGreaterThanOrEqual(top.bottom);
    expect(within(view, atTop)).toBe(true);
    await page.close();
  });

  it('Alt+↑ and Alt+↓ move the card above and below the word', async () => {
    const page = await openArticle();
    await scrollWordTo(page, '命运共同体', 400);
    await readAlong(page, '命运共同体');
    const word = await wordBox(page, '命运共同体');
    expect((await cardPlace(page))?.side).toBe('below');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await cardPlace(page))?.side).toBe('above');
    expect((await cardPlace(page))?.bottom).toBeLessThanOrEqual(word.top);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await cardPlace(page))?.side).toBe('below');
    expect((await cardPlace(page))?.top).toBeGreaterThanOrEqual(word.bottom);
    expect((await cardPlace(page))?.highlighted).toBe('命运共同体');
    await page.close();
  });

  it('stays inside a small viewport at its right edge', async () => {
    const page = await openArticle();
    await page.setViewportSize({ width: 700, height: 400 });
    const view = { left: 0, top: 0, right: 700, bottom: 400 };
    await page.evaluate(() => document.querySelectorAll('article p')[3]?.scrollIntoView({ block: 'start' }));
    // The rightmost character in the middle of the viewport.
    const edge = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let best: { x: number; y: number; right: number } | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.nodeValue ?? '';
        for (let i = 0; i < text.length; i++) {
          if (!/\p{Script=Han}/u.test(text[i] ?? '')) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const r = range.getBoundingClientRect();
          if (r.top > 60 && r.bottom < innerHeight - 60 && r.right < innerWidth && (!best || r.right > best.right)) {
            best = { x: r.left + r.width / 2, y: r.top + r.height / 2, right: r.right };
          }
        }
      }
      return best;
    });
    expect(edge).not.toBeNull();
    const { x, y } = edge as { x: number; y: number };
    await page.mouse.move(x - 30, y);
    await page.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => cardPlace(page)).not.toBeNull();
    const narrow = (await cardPlace(page)) as CardPlace;
    expect(within(view, narrow)).toBe(true);
    // Left-aligned with the word it would overflow: it was moved left, not cut.
    expect(x - 10 + (narrow.right - narrow.left)).toBeGreaterThan(view.right);
    expect(narrow.left).toBeLessThan(x - 10);

    await page.close();
  });
});

describe('numbers and dates on the card', () => {
  /** Points at the `at`th character of `text` (its first occurrence on the page) and waits for the card's number line. */
  async function quantityLine(page: Page, text: string, at: number): Promise<string> {
    const point = await pointAt(page, text.slice(at));
    await page.mouse.move(point.x - 20, point.y);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const read = () =>
      page.evaluate(() => document.querySelector('yuedu-hover')?.shadowRoot?.querySelector('.quantity')?.textContent ?? '');
    await expect.poll(read, { timeout: 10_000 }).not.toBe('');
    return read();
  }

  it('reads 9200亿千瓦时 on the dispatch, from its first digit, with the words of the dictionary below', async () => {
    const page = await openArticle();
    expect(await quantityLine(page, '9200亿千瓦时', 0)).toBe('920,000,000,000 · 920 billion kWh');
    await page.mouse.move(5, 5);
    // On 亿 the dictionary's entry shows under the line.
    expect(await quantityLine(page, '9200亿千瓦时', 4)).toBe('920,000,000,000 · 920 billion kWh');
    expect((await card(page))?.entries[0]?.word).toBe('亿');
    await page.close();
  });

  it('reads amounts with 万 and 亿, Chinese numerals, a date in Chinese numerals and an ROC year', async () => {
    const page = await s.open(s.server.url('/test-pages/numbers.html'));
    await page.waitForSelector('html[data-yuedu]');
    const cases: [string, number, string][] = [
      ['3.2万亿元', 4, '3,200,000,000,000 · 3.2 trillion yuan'],
      ['两千三百万', 0, '23,000,000 · 23 million'],
      ['1.5亿人次', 3, '150,000,000 · 150 million person-trips'],
      ['二〇二五年六月十七日', 6, '2025-06-17 · 17 June 2025'],
      ['民国114年', 1, '2025 · 2025'],
    ];
    for (const [text, at, line] of cases) {
      await page.mouse.move(5, 5);
      expect(await quantityLine(page, text, at), text).toBe(line);
    }
    // Plain words have no number line.
    await page.mouse.move(5, 5);
    const { x, y } = await pointAt(page, '全国一般', 'article');
    await page.mouse.move(x - 20, y);
    await page.mouse.move(x, y, { steps: 4 });
    await expect.poll(async () => (await card(page))?.entries[0]?.word).toBe('全国');
    expect(await page.evaluate(() => document.querySelector('yuedu-hover')?.shadowRoot?.querySelector('.quantity'))).toBeNull();
    await page.close();
  });
});

describe('keys on the card: hear it, copy it', () => {
  /** The Chinese voices this browser has (headless Chromium usually has none). */
  const chineseVoices = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const count = () => speechSynthesis.getVoices().filter((v) => /^(zh|cmn|yue)([-_]|$)/i.test(v.lang)).length;
          if (speechSynthesis.getVoices().length > 0) resolve(count());
          else setTimeout(() => resolve(count()), 1500);
        }),
    );
  const status = async (page: Page) => (await card(page))?.status ?? '';

  it('a reads the word aloud, Shift+A its sentence; without a Chinese voice the card says so once', async () => {
    const page = await openArticle();
    const voices = await chineseVoices(page);
    await readAlong(page, '命运共同体');
    await page.keyboard.press('a');
    if (voices === 0) {
      await expect.poll(() => status(page), { timeout: 5000 }).toMatch(/Chinese voice|中文语音/);
      // Said once: the next word's card, and Shift+A on it, stay quiet.
      await page.mouse.move(5, 5);
      await readAlong(page, '峰会');
      await page.keyboard.press('Shift+A');
      await page.keyboard.press('a');
      await page.waitForTimeout(1500);
      expect(await status(page)).toBe('');
    } else {
      await page.waitForTimeout(1500);
      expect(await status(page)).toBe('');
      expect(await page.evaluate(() => speechSynthesis.speaking || speechSynthesis.pending)).toBe(true);
    }
    await page.close();
  });

  it('c copies the word, Shift+C its entry as the Anki export\'s tab-separated line, and the card says which', async () => {
    const page = await openArticle();
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.server.origin });
    await readAlong(page, '峰会');
    await page.keyboard.press('c');
    await expect.poll(() => status(page)).toMatch(/峰会/);
    const wordStatus = await status(page);
    expect((await page.evaluate(() => navigator.clipboard.readText())).split('\t').slice(0, 2)).toEqual(['峰会', 'feng1 hui4']);

    await page.keyboard.press('Shift+C');
    await expect.poll(() => status(page)).not.toBe(wordStatus);
    expect(await status(page)).toMatch(/峰会/);
    const fields = (await page.evaluate(() => navigator.clipboard.readText())).split('\t');
    expect(fields).toHaveLength(5);
    expect(fields.slice(0, 2)).toEqual(['峰会 (峰會)', 'fēng huì']);
    expect(fields[2]).toMatch(/summit/i);
    expect(fields[3]).toContain('峰会');
    expect(fields[3]).toMatch(/。$/);
    expect(fields[4]).toBe(`${await page.title()} ${page.url()}`);
    await page.close();
  });

  it('the options page has the speech rate and lists the Chinese voices, or says there are none', async () => {
    const options = await s.open(s.extensionUrl('options.html'));
    await options.waitForSelector('[data-setting="speechRate"] input');
    expect(await options.inputValue('[data-setting="speechRate"] input')).toBe('90');
    const voices = await chineseVoices(options);
    const listed = () => options.locator('[data-setting="voices"] li').count();
    if (voices === 0) await expect.poll(() => options.locator('[data-setting="voices"] [role="status"]').count()).toBe(1);
    else await expect.poll(listed).toBe(voices);
    await options.close();
  });
});
