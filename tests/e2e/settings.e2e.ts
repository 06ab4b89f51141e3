/**
 * Each setting end to end: changed in the options page as a reader would (clicks and typing), stored in
 * chrome.storage.sync, and taking effect in an open tab of the sample dispatch without a reload.
 * Also the popup's site switch and article stats, the keyboard command, the About section, and keyboard access to
 * the options page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { unpackFacts, type PackedFacts } from '../../lib/domain/known';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { pointAt, readCard } from '../../scripts/lib/page';
import { layerWords } from './support/in-page';
import { startSession, type E2ESession } from './support/session';

let s: E2ESession;
/** The extension APIs only this file calls, beyond those of support/extension-globals.d.ts. */
type MoreChrome = {
  commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
  action: { getBadgeText(details: object): Promise<string> };
  storage: { sync: { clear(): Promise<void> }; local: { remove(key: string): Promise<void> } };
};
/** The layer is redrawn in chunks with pauses between them, so that the page stays responsive: allow it time. */
const LAYER_REDRAW = { timeout: 20_000 };

async function stored(): Promise<Partial<Settings> | undefined> {
  const all = await s.serviceWorker.evaluate(() => chrome.storage.sync.get('settings'));
  return (all as { settings?: Partial<Settings> }).settings;
}

async function openOptions(): Promise<Page> {
  const page = await s.open(s.extensionUrl('options.html'));
  await page.waitForSelector('[data-testid=about]');
  return page;
}

async function openArticle(): Promise<Page> {
  const page = await s.openDemo();
  await page.waitForSelector('[data-yuedu-article]');
  return page;
}

/** The card's look that settings change, flattened (null when hidden). */
async function card(page: Page) {
  const view = await readCard(page);
  if (!view) return null;
  return {
    fontSize: view.fontSize,
    headword: view.headword,
    hsk: view.hskBadges,
    pinyin: view.entries[0]?.pinyin ?? '',
    coloured: view.colouredSyllables,
  };
}

/** Hovers `word` afresh (away first, so the card is drawn again with the current settings); resolves to the card. */
async function hover(page: Page, word: string, modifier?: 'Shift' | 'Alt') {
  await page.bringToFront();
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await expect.poll(() => card(page)).toBeNull();
  const { x, y } = await pointAt(page, word, '[data-yuedu-article]');
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.move(x - 1, y);
  await page.mouse.move(x, y);
  try {
    await expect.poll(() => card(page), { timeout: 5000 }).not.toBeNull();
    return await card(page);
  } catch {
    return null;
  } finally {
    if (modifier) await page.keyboard.up(modifier);
  }
}

/** Changes a setting in the options page and waits until it is stored. */
async function choose(options: Page, name: keyof Settings, value: string): Promise<void> {
  await options.bringToFront();
  const input = options.locator(`input[name=${name}]`);
  if ((await input.count()) > 1) await options.check(`input[name=${name}][value=${value}]`);
  else if ((await input.getAttribute('type')) === 'checkbox') await input.setChecked(value === 'true');
  else await input.fill(value);
  await expect.poll(async () => String((await stored())?.[name])).toBe(value);
}

describe('settings, end to end', () => {
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });
  // Each test starts from the defaults with every site on, whatever the one before left.
  beforeEach(async () => {
    await s.serviceWorker.evaluate(async () => {
      const api = chrome as unknown as MoreChrome;
      await api.storage.sync.clear();
      await api.storage.local.remove('disabledSites');
    });
  });

  it('the options page stores valid values only, and resets to the defaults', async () => {
    const options = await openOptions();
    expect(await stored()).toBeUndefined();
    await options.check('input[name=pinyinStyle][value=numbers]');
    await expect.poll(async () => (await stored())?.pinyinStyle).toBe('numbers');

    const daily = options.locator('input[name=dailyNewCards]');
    await daily.fill('9999');
    await expect.poll(() => daily.getAttribute('aria-invalid')).toBe('true');
    expect(await options.textContent('[role=alert]')).toBe('Enter a whole number from 0 to 500.');
    await daily.fill('35');
    await expect.poll(async () => (await stored())?.dailyNewCards).toBe(35);
    expect(await daily.getAttribute('aria-invalid')).toBe('false');

    await options.fill('input[name=cardFontSize]', '2');
    await options.locator('input[name=cardFontSize]').blur();
    expect(await options.inputValue('input[name=cardFontSize]')).toBe(String(DEFAULT_SETTINGS.cardFontSize));
    expect((await stored())?.cardFontSize).toBe(DEFAULT_SETTINGS.cardFontSize);

    await options.click('[data-testid=reset]');
    await expect.poll(() => stored()).toEqual(DEFAULT_SETTINGS);
    expect(await options.isChecked('input[name=pinyinStyle][value=marks]')).toBe(true);
    expect(await options.inputValue('input[name=dailyNewCards]')).toBe(String(DEFAULT_SETTINGS.dailyNewCards));
    await options.close();
  });

  it('every hover-card setting changes the card in an open tab, without a reload', async () => {
    const article = await openArticle();
    const options = await openOptions();

    const before = await hover(article, '发展');
    expect(before).toMatchObject({ fontSize: '16px', headword: '发展', pinyin: 'fā zhǎn' });
    expect(before?.hsk).toBeGreaterThan(0);
    expect(before?.coloured).toBe(2);

    await choose(options, 'hoverTrigger', 'shift');
    expect(await hover(article, '发展')).toBeNull();
    expect(await hover(article, '发展', 'Shift')).not.toBeNull();
    await choose(options, 'hoverTrigger', 'alt');
    expect(await hover(article, '发展', 'Shift')).toBeNull();
    expect(await hover(article, '发展', 'Alt')).not.toBeNull();
    await choose(options, 'hoverTrigger', 'always');

    await choose(options, 'cardFontSize', '24');
    expect((await hover(article, '发展'))?.fontSize).toBe('24px');

    await choose(options, 'headwordFirst', 'traditional');
    expect((await hover(article, '发展'))?.headword).toBe('發展');

    await choose(options, 'showHsk', 'false');
    expect((await hover(article, '发展'))?.hsk).toBe(0);

    await choose(options, 'pinyinStyle', 'numbers');
    expect((await hover(article, '发展'))?.pinyin).toBe('fa1 zhan3');

    await choose(options, 'toneColors', 'false');
    expect((await hover(article, '发展'))?.coloured).toBe(0);

    expect(await article.evaluate(() => document.querySelectorAll('yuedu-hover').length)).toBe(1);
    await article.close();
    await options.click('[data-testid=reset]');
    await expect.poll(() => stored()).toEqual(DEFAULT_SETTINGS);
    await options.close();
  });

  it('the hover card shows zhuyin when it is the chosen style', async () => {
    const article = await openArticle();
    const options = await openOptions();
    await choose(options, 'pinyinStyle', 'zhuyin');
    expect((await hover(article, '发展'))?.pinyin).toBe('ㄈㄚ ㄓㄢˇ');
    await article.close();
    await options.close();
  });

  it('the pinyin layer opens as the default says and redraws live for style, sandhi and tone colours', async () => {
    const options = await openOptions();
    await choose(options, 'pinyinLayerDefault', 'all');
    const article = await openArticle();
    await article.waitForSelector('[data-yuedu-article][data-yuedu-pinyin=all]');
    const rtOf = async (word: string) => {
      const found = (await article.evaluate(layerWords)).find((w) => w.word === word);
      return found ? { text: found.pinyin, coloured: found.coloured } : null;
    };
    expect(await rtOf('发展')).toEqual({ text: 'fā zhǎn', coloured: 2 });

    await choose(options, 'pinyinStyle', 'zhuyin');
    await expect.poll(() => rtOf('发展'), LAYER_REDRAW).toEqual({ text: 'ㄈㄚ ㄓㄢˇ', coloured: 2 });
    await choose(options, 'pinyinStyle', 'numbers');
    await expect.poll(() => rtOf('发展'), LAYER_REDRAW).toEqual({ text: 'fa1 zhan3', coloured: 2 });
    await choose(options, 'toneColors', 'false');
    await expect.poll(() => rtOf('发展'), LAYER_REDRAW).toEqual({ text: 'fa1 zhan3', coloured: 0 });
    await expect.poll(() => rtOf('不断'), LAYER_REDRAW).toEqual({ text: 'bu2 duan4', coloured: 0 });
    await choose(options, 'sandhi', 'false');
    await expect.poll(() => rtOf('不断'), LAYER_REDRAW).toEqual({ text: 'bu4 duan4', coloured: 0 });
    // The pinyin size: redrawn at the new size; under 11 px is refused.
    const pinyinPx = () => article.evaluate(() => getComputedStyle(document.querySelector('[data-yuedu-article] p rt') as Element).fontSize);
    expect(await pinyinPx()).toBe(`${DEFAULT_SETTINGS.pinyinSize}px`);
    await choose(options, 'pinyinSize', '16');
    await expect.poll(pinyinPx, LAYER_REDRAW).toBe('16px');
    await options.fill('input[name=pinyinSize]', '7');
    await expect.poll(() => options.getAttribute('input[name=pinyinSize]', 'aria-invalid')).toBe('true');
    expect((await stored())?.pinyinSize).toBe(16);

    await choose(options, 'pinyinLayerDefault', 'off');
    const plain = await openArticle();
    await plain.waitForTimeout(1000);
    expect(await plain.locator('[data-yuedu-ruby]').count()).toBe(0);
    await plain.close();
    await article.close();
    await options.click('[data-testid=reset]');
    await options.close();
   }, 120_000);

  // Browser shortcuts cannot be pressed from the test (synthetic keys reach the page, not the browser's accelerators):
  // what the command does is unit-tested in tests/unit/commands.test.ts; here, that Chromium registered it with its key.
  it('the About section gives the version, the dictionary, word-list, word-frequency and polyphone credits and licences, and the privacy statement', async () => {
    const options = await openOptions();
    const about = (await options.textContent('[data-testid=about]')) ?? '';
    const version = await s.serviceWorker.evaluate(() => (chrome as unknown as { runtime: { getManifest(): { version: string } } }).runtime.getManifest().version);
    expect(about).toContain(`Version ${version}`);
    expect(about).toMatch(/CC-CEDICT by MDBG.*CC BY-SA 4\.0/);
    expect(about).toContain('ivankra/hsk30, MIT licence');
    expect(about).toContain('jieba by Sun Junyi, MIT licence');
    expect(about).toContain('g2pM by Kakao Brain, Apache License 2.0');
    expect(about).toContain('Yuedu sends nothing over the network');
    expect(about).toContain('Send to Anki');
    const links = await options.locator('[data-testid=about] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toEqual(['https://cc-cedict.org/', 'https://creativecommons.org/licenses/by-sa/4.0/', 'https://github.com/ivankra/hsk30', 'https://github.com/fxsjy/jieba', 'https://github.com/kakaobrain/g2pM']);
    await options.close();
  });

  it('registers the keyboard command for the pinyin layer with its suggested key, shown in the options page', async () => {
    const options = await openOptions();
    const commands = await options.evaluate(() => (chrome as unknown as MoreChrome).commands.getAll());
    expect(commands.find((c) => c.name === 'toggle-pinyin')).toMatchObject({ shortcut: 'Alt+P', description: 'Turn the pinyin layer on or off' });
    await expect.poll(() => options.textContent('[data-testid=shortcut]')).toContain('Alt+P');
    await options.close();
  });

  it('the options page can be used by keyboard alone: every control is reached, named, and shows its focus', async () => {
    const options = await openOptions();
    await options.click('[data-testid=reset]');
    await expect.poll(() => stored()).toEqual(DEFAULT_SETTINGS);
    const controls = await options.locator('input, button, select, a[href]').count();
    const reached = new Map<string, { name: string; outline: string }>();
    await options.locator('body').focus();
    for (let i = 0; i < controls * 2 && reached.size < controls; i++) {
      await options.keyboard.press('Tab');
      const focused = await options.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const input = el as HTMLInputElement;
        const labelled = (input.labels?.[0]?.textContent ?? '') || el.getAttribute('aria-label') || el.textContent || '';
        const id = `${el.tagName}:${input.name ?? ''}:${input.value ?? ''}:${el.textContent}`;
        return { id, name: labelled.trim(), outline: getComputedStyle(el).outlineStyle };
      });
      if (focused) reached.set(focused.id, focused);
    }
    // Radio groups take one Tab stop each (arrows move within), so count distinct stops against the groups.
    const radioGroups = await options.evaluate(() => new Set([...document.querySelectorAll('input[type=radio]')].map((r) => (r as HTMLInputElement).name)).size);
    const radios = await options.locator('input[type=radio]').count();
    expect(reached.size).toBe(controls - radios + radioGroups);
    for (const [id, { name, outline }] of reached) {
      expect(name, id).not.toBe('');
      expect(outline, id).not.toBe('none');
    }
    // Arrow keys move within a radio group and store the choice.
    await options.focus('input[name=hoverTrigger][value=always]');
    await options.keyboard.press('ArrowDown');
    await expect.poll(async () => (await stored())?.hoverTrigger).toBe('shift');
    await options.click('[data-testid=reset]');
    await options.close();
  });

  it('the popup turns Yuedu off and on for the site of the tab it is opened over', async () => {
    const article = await openArticle();
    // The toolbar popup belongs to the active tab: load it in a tab behind the article.
    const popup = await s.context.newPage();
    await article.bringToFront();
    await popup.goto(s.extensionUrl('popup.html'));
    const state = popup.locator('[data-testid=site-state]');
    await expect.poll(() => state.textContent()).toBe('On for 127.0.0.1');
    expect(await popup.getAttribute('[data-testid=site-switch]', 'aria-checked')).toBe('true');
    expect(await popup.getAttribute('[data-testid=site-switch]', 'aria-label')).toBe('Yuedu on this site');

    await popup.click('[data-testid=site-switch]');
    await expect.poll(() => state.textContent()).toBe('Off for 127.0.0.1');
    await expect.poll(() => article.locator('[data-yuedu-article]').count()).toBe(0);
    expect(await hover(article, '合作')).toBeNull();
    const disabled = await s.serviceWorker.evaluate(() => chrome.storage.local.get('disabledSites'));
    expect(disabled).toEqual({ disabledSites: ['127.0.0.1'] });

    // A page of the site opened while it is off stays untouched.
    const another = await s.openDemo();
    await another.waitForTimeout(1000);
    expect(await another.locator('[data-yuedu-article]').count()).toBe(0);
    await another.close();

    // The options page lists the site while it is off, and follows the popup's switch live.
    const options = await openOptions();
    const listed = options.locator('[data-setting=disabledSites] li');
    expect(await listed.allTextContents()).toEqual([expect.stringContaining('127.0.0.1')]);

    await popup.click('[data-testid=site-switch]');
    await expect.poll(() => state.textContent()).toBe('On for 127.0.0.1');
    await article.waitForSelector('[data-yuedu-article]');
    expect(await hover(article, '合作')).not.toBeNull();
    await expect.poll(() => listed.count()).toBe(0);

    // Off again from the popup by keyboard, on again from the options page's button.
    await popup.focus('[data-testid=site-switch]');
    await popup.keyboard.press('Space');
    await expect.poll(() => article.locator('[data-yuedu-article]').count()).toBe(0);
    await options.click('button:has-text("Turn on again for 127.0.0.1")');
    await article.waitForSelector('[data-yuedu-article]');
    expect(await s.serviceWorker.evaluate(() => chrome.storage.local.get('disabledSites'))).toEqual({ disabledSites: [] });
    await options.close();
    await popup.close();
    await article.close();
  });

  it('the popup says when a page has no Chinese, and when no content script can answer', async () => {
    const english = await s.open(s.server.url('/test-pages/no-chinese.html'));
    await english.waitForSelector('html[data-yuedu]');
    const popup = await s.context.newPage();
    await english.bringToFront();
    await popup.goto(s.extensionUrl('popup.html'));
    await expect.poll(() => popup.textContent('[data-testid=site-state]')).toBe('On for 127.0.0.1');
    await expect.poll(() => popup.getByText('No Chinese text on this page: Yuedu stays quiet.').count()).toBe(1);
    expect(await popup.locator('[data-testid=article-stats]').count()).toBe(0);
    expect(await english.locator('[data-yuedu-article], yuedu-hover, [data-yuedu-ruby]').count()).toBe(0);
    await english.close();

    // Opened on its own the popup is the active tab: an extension page, where no content script runs.
    await popup.bringToFront();
    await popup.reload();
    await expect.poll(() => popup.locator('[data-testid=site-unavailable]').count()).toBe(1);
    expect(await popup.locator('[data-testid=site-switch]').count()).toBe(0);
    await popup.close();
  });

  it('the popup shows the article stats and saves the unknown words up to an HSK level', async () => {
    const article = await openArticle();
    const popup = await s.context.newPage();
    await article.bringToFront();
    await popup.goto(s.extensionUrl('popup.html'));
    await popup.waitForSelector('[data-testid=article-stats]');
    const num = async (id: string) => Number((await popup.textContent(`[data-testid=${id}]`))?.replace(/[^\d]/g, ''));
    expect(await num('stats-chars')).toBeGreaterThan(1000);
    expect(await num('stats-words')).toBeGreaterThan(500);
    expect(await num('stats-words')).toBeLessThan(await num('stats-chars'));
    expect(await popup.textContent('[data-testid=stats-known]')).toBe('0%');
    expect(await popup.locator('[data-testid=stats-profile] tr').count()).toBe(8);

    await popup.selectOption('#yd-bulk-level', '1');
    const button = popup.locator('[data-testid=bulk-save]');
    const planned = Number((await button.textContent())?.replace(/[^\d]/g, ''));
    expect(planned).toBeGreaterThan(0);
    const listed = ((await popup.textContent('[data-testid=bulk-words]')) ?? '').split('、');
    expect(listed).toHaveLength(planned);
    await button.click();
    await expect.poll(() => popup.textContent('[data-testid=bulk-status]'), { timeout: 30_000 }).toBe(`Saved ${planned} words.`);
    const states = (await popup.evaluate((words) => chrome.runtime.sendMessage({ yuedu: 1, type: 'wordStates', payload: { words } }), listed)) as {
      value: PackedFacts;
    };
    expect(unpackFacts(listed, states.value).saved.map(([simplified]) => simplified).sort()).toEqual([...listed].sort());
    await expect.poll(async () => (await popup.textContent('[data-testid=stats-learning]')) !== '0%').toBe(true);
    expect(await button.textContent()).toBe('No unknown words at or below this level.');
    await popup.close();
    await article.close();
  });

  it('the daily new-card limit changes the number of cards due on the toolbar badge at once', async () => {
    const options = await openOptions();
    for (const [simplified, pinyin] of [['峰会', 'feng1 hui4'], ['愿景', 'yuan4 jing3']]) {
      const word = { simplified, traditional: simplified, pinyin, definitions: ['x'] };
      const context = { sentence: simplified, title: 't', url: 'http://127.0.0.1/' };
      await options.evaluate((payload) => chrome.runtime.sendMessage({ yuedu: 1, type: 'saveWord', payload }), { word, context });
    }
    const badge = () => s.serviceWorker.evaluate(() => (chrome as unknown as MoreChrome).action.getBadgeText({}));
    await choose(options, 'dailyNewCards', '1');
    await expect.poll(badge).toBe('1');
    await choose(options, 'dailyNewCards', '0');
    await expect.poll(badge).toBe('');
    await choose(options, 'dailyNewCards', '500');
    await expect.poll(async () => Number(await badge())).toBeGreaterThanOrEqual(2);
    await options.click('[data-testid=reset]');
    await options.close();
  });

  it('logged no console errors anywhere', () => {
    expect(s.errors).toEqual([]);
  });
});
