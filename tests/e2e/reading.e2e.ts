/**
 * Reading on the page, end to end in Chromium with the built extension: the article is marked, hovering shows the
 * dictionary's and the glossary's entries without touching the page, the pinyin layer carries the engine's pinyin and
 * comes off without a trace, `s` saves into IndexedDB, and forms, frames, hostile styles and huge pages keep working.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATE_CHARS, ANNOTATE_PARAGRAPHS } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { pointAt, readCard as card, type CardView, type Scope } from '../../scripts/lib/page';
import { contrast, parseRgb, type Rgb } from '../../content/tones';
import { layerGeometry, layerWords } from './support/in-page';
import { startSession, type E2ESession } from './support/session';

let s: E2ESession;

/** Points at `word` (the frame's offset added for a frame) and waits for a card whose first entry is `expected`. */
async function hover(page: Page, word: string, opts: { scope?: Scope; within?: string; expected?: string; nth?: number } = {}) {
  const scope = opts.scope ?? page;
  let { x, y } = await pointAt(scope, word, opts.within, opts.nth);
  if (scope !== page) {
    const frameBox = await (await (scope as Frame).frameElement()).boundingBox();
    x += frameBox?.x ?? 0;
    y += frameBox?.y ?? 0;
  }
  await page.mouse.move(x, y - 1);
  await page.mouse.move(x, y);
  const expected = opts.expected ?? word;
  await expect.poll(async () => (await card(scope))?.entries[0]?.word, { timeout: 10_000 }).toBe(expected);
  return (await card(scope)) as CardView;
}

/** The serialized article (XMLSerializer: tests may read markup; product code never does). */
function articleMarkup(page: Page): Promise<string> {
  return page.evaluate(() => new XMLSerializer().serializeToString(document.querySelector('[data-yuedu-article]') as Element));
}

/**
 * Sends a tab request to the page's content script from the service worker, as the popup and the command do.
 * Without the "tabs" permission the worker cannot see tab URLs: the tests keep one page open at a time and ask every tab.
 */
async function toTab(page: Page, type: string, payload: unknown): Promise<unknown> {
  await page.bringToFront();
  const ask = () =>
    s.serviceWorker.evaluate(
      async ({ type, payload }) => {
        const tabs = await chrome.tabs.query({});
        const answers = await Promise.allSettled(tabs.map((tab) => chrome.tabs.sendMessage(tab.id ?? -1, { yuedu: 1, type, payload }, { frameId: 0 })));
        return answers.flatMap((a) => (a.status === 'fulfilled' && a.value ? [a.value] : []));
      },
      { type, payload },
    );
  // The content script serves tab requests once it has read the settings: until then no tab answers (and none has
  // acted on the request), so asking again is safe.
  let replies = await ask();
  for (let tries = 0; replies.length === 0 && tries < 20; tries++) {
    await page.waitForTimeout(250);
    replies = await ask();
  }
  if (replies.length !== 1) throw new Error(`expected one tab to answer ${type}, got ${JSON.stringify(replies)}`);
  return replies[0];
}

/**
 * Marks a headword known as `k` on the card does (a message to the service worker, which writes through Dexie: a raw
 * IndexedDB write would not tell the worker, which holds the marked words, lib/store/known.ts).
 */
async function markKnown(simplified: string): Promise<void> {
  const popup = await s.open(s.extensionUrl('popup.html'));
  const reply = await popup.evaluate(
    (word) => chrome.runtime.sendMessage({ yuedu: 1, type: 'markWords', payload: { words: [word], mark: 'known' } }),
    simplified,
  );
  expect(reply).toMatchObject({ ok: true });
  await popup.close();
}

async function openArticle(path = '/silk-road.html'): Promise<Page> {
  const page = await s.open(s.server.url(path));
  await page.waitForSelector('[data-yuedu-article]');
  return page;
}

describe('reading on the page', () => {
  beforeAll(async () => {
    s = await startSession();
    // The fixture pages reference ad and analytics hosts: fail those at once, nothing leaves the machine.
    await s.context.route((url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1', (route) => route.abort());
  });
  afterEach(async () => {
    // A failed test must not leave its page open: tab requests go to the one open page.
    for (const page of s.context.pages()) if (page.url().startsWith(s.server.origin)) await page.close();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('marks exactly one article on the sample dispatch: its <article>', async () => {
    const page = await openArticle();
    expect(await page.evaluate(() => [...document.querySelectorAll('[data-yuedu-article]')].map((e) => e.tagName))).toEqual(['ARTICLE']);
    await page.close();
  });

  it('marks the article body on the real news pages, none on a page without prose', async () => {
    for (const [name, selector] of [['gmw', '#contentMain'], ['youth', '[data-yuedu-article]']] as const) {
      const page = await openArticle(`/fixtures/${name}/source.html`);
      expect(await page.locator('[data-yuedu-article]').count(), name).toBe(1);
      expect(await page.locator(selector).getAttribute('data-yuedu-article'), name).toBe('');
      await page.close();
    }
    const forms = await s.open(s.server.url('/test-pages/forms.html'));
    await forms.waitForSelector('html[data-yuedu]');
    await forms.waitForTimeout(500);
    expect(await forms.locator('[data-yuedu-article]').count()).toBe(0);
    await forms.close();
  });

  it('hovering 命运共同体, 三股势力 and 峰会 shows their glossary and CC-CEDICT entries, without touching the page', async () => {
    const page = await openArticle();
    const before = await page.evaluate(() => new XMLSerializer().serializeToString(document.body));

    const community = await hover(page, '命运共同体', { within: 'article' });
    expect(community.entries[0]).toMatchObject({ word: '命运共同体', source: 'glossary' });
    expect(community.entries[0]?.note).not.toBe('');
    expect(community.entries.map((e) => e.word)).toContain('命运');

    const forces = await hover(page, '三股势力', { within: 'article' });
    expect(forces.entries[0]).toMatchObject({ word: '三股势力', source: 'glossary' });

    const summit = await hover(page, '峰会', { within: 'article', nth: 1 });
    expect(summit.entries[0]).toMatchObject({ word: '峰会', source: 'cedict', pinyin: 'fēng huì' });

    // The word is highlighted by the browser, not by new elements; the selection is left alone.
    const state = await page.evaluate(() => {
      const highlight = CSS.highlights.get('yuedu-word');
      const range = highlight ? ([...highlight][0] as Range) : null;
      return { highlighted: range?.toString(), selections: getSelection()?.rangeCount ?? 0 };
    });
    expect(state).toEqual({ highlighted: '峰会', selections: 0 });
    expect(await page.evaluate(() => new XMLSerializer().serializeToString(document.body))).toBe(before);
    expect(await page.evaluate(() => document.querySelector('yuedu-hover')?.parentElement?.tagName)).toBe('HTML');

    await page.keyboard.press('Escape');
    await expect.poll(() => card(page)).toBeNull();
    await page.close();
  });

  it('does not take the middle of a name for another name: 卡 of 托卡耶夫 is 卡', async () => {
    const page = await openArticle();
    expect((await hover(page, '托卡耶夫', { within: 'article' })).entries[0]).toMatchObject({ word: '托卡耶夫', source: 'glossary' });
    // Inside the word shown, the character pointed at gets its own card.
    const inside = await hover(page, '卡耶夫', { within: 'article', expected: '卡' });
    expect(inside.entries.map((e) => e.word)).not.toContain('卡耶夫');
    await page.close();
  });

  it('finds a word split across elements and across the line break of two paragraphs', async () => {
    const page = await openArticle();
    // "坚 定 打 击“ 三 股 势力”": spaces between every character in the source text.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((e) => e.textContent?.includes('打 击“ 三 股 势力'));
      p?.scrollIntoView({ block: 'center' });
    });
    const spaced = await hover(page, '三 股', { within: 'article', expected: '三股势力' });
    expect(spaced.entries[0]?.source).toBe('glossary');
    await page.close();
  });

  it('steps to the next and previous word with the arrow keys, and closes with Esc', async () => {
    const page = await openArticle();
    await hover(page, '命运共同体', { within: 'article' });
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await card(page))?.entries[0]?.word).toBe('成色');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await card(page))?.entries[0]?.word).toBe('命运共同体');
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page)).toBeNull();
    await page.close();
  });

  it('the pinyin layer carries the engine\'s pinyin per word, and toggling it off restores the article byte for byte', async () => {
    const page = await openArticle();
    const before = await articleMarkup(page);
    // The text nodes the layer will annotate, as the page has them now.
    const paragraphs = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('[data-yuedu-article]') as Element, NodeFilter.SHOW_TEXT);
      const out: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\p{Script=Han}/u.test(n.nodeValue ?? '')) out.push(n.nodeValue ?? '');
      return out;
    });
    expect(await toTab(page, 'setPinyinLayer', { mode: 'toggle' })).toEqual({ ok: true, value: { mode: 'all' } });
    expect(await page.getAttribute('[data-yuedu-article]', 'data-yuedu-pinyin')).toBe('all');

    const shown = (await page.evaluate(layerWords)).map(({ word, pinyin }) => [word, pinyin]);
    const popup = await s.open(s.extensionUrl('popup.html'));
    // Asked in batches within the worker's limits per request, as the page itself asks.
    const batches: string[][] = [];
    for (const paragraph of paragraphs) {
      const last = batches.at(-1);
      if (last && last.length < ANNOTATE_PARAGRAPHS && [...last, paragraph].join('').length <= ANNOTATE_CHARS) last.push(paragraph);
      else batches.push([paragraph]);
    }
    const segments: { text: string; kind: string; pinyin?: string[] }[] = [];
    for (const batch of batches) {
      const reply = (await popup.evaluate(
        (args) => chrome.runtime.sendMessage({ yuedu: 1, type: 'annotate', payload: { paragraphs: args.batch, pinyin: { style: 'marks', sandhi: args.sandhi } } }),
        { batch, sandhi: DEFAULT_SETTINGS.sandhi },
      )) as { ok: true; value: { paragraphs: { text: string; kind: string; pinyin?: string[] }[][] } };
      segments.push(...reply.value.paragraphs.flat());
    }
    await popup.close();
    // A syllable over each character; a word whose syllables do not match its characters has them as one.
    const expected = segments
      .filter((seg) => seg.kind !== 'other' && seg.pinyin?.length)
      .map((seg) => [seg.text, (seg.pinyin ?? []).join([...seg.text].length === seg.pinyin?.length ? ' ' : '')]);
    expect(shown.length).toBeGreaterThan(1000);
    expect(shown).toEqual(expected);
    expect(shown.find(([word]) => word === '命运共同体')?.[1]).toBe('mìng yùn gòng tóng tǐ');

    // Hover works on the layer's text and ignores the pinyin above it.
    const inLayer = await hover(page, '三股势力', { within: 'article' });
    expect(inLayer.entries[0]?.word).toBe('三股势力');

    expect(await toTab(page, 'setPinyinLayer', { mode: 'toggle' })).toEqual({ ok: true, value: { mode: 'off' } });
    expect(await articleMarkup(page)).toBe(before);
    await page.close();
  });

  // Issue 13 item 8: the layer reads like a graded reader (Du Chinese, Pleco's reader) at the browser's default size.
  it('the pinyin layer is legible: 12 px pinyin, each syllable over its character, clear of the line above, words not spread beyond what their syllables need', async () => {
    const page = await openArticle();
    expect(await toTab(page, 'setPinyinLayer', { mode: 'all' })).toEqual({ ok: true, value: { mode: 'all' } });
    const drawn = await page.evaluate(layerGeometry);
    expect(drawn.columns).toBeGreaterThan(3000);
    expect(drawn.smallestPinyinPx).toBeGreaterThanOrEqual(11);
    expect(drawn.smallestPinyinPx).toBe(DEFAULT_SETTINGS.pinyinSize);
    expect(drawn.offCentre).toEqual([]);
    expect(drawn.intoLineAbove).toEqual([]);
    expect(drawn.touching).toEqual([]);
    expect(drawn.spreadBeyondNeed).toEqual([]);
    expect(drawn.pastArticle).toEqual([]);
    // Most neighbouring characters stay close: the syllables over them fit, or nearly.
    expect(drawn.medianSpreadEm).toBeLessThanOrEqual(0.3);
    // Selecting a paragraph to copy it gives its characters, not the pinyin between them.
    const copied = await page.evaluate(() => {
      const p = [...document.querySelectorAll('[data-yuedu-article] p')].find((e) => e.querySelector('rt')) as Element;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      const text = getSelection()?.toString() ?? '';
      const bare = p.cloneNode(true) as Element;
      for (const rt of bare.querySelectorAll('rt')) rt.remove();
      return { text, rt: p.querySelectorAll('rt').length, plain: bare.textContent ?? '' };
    });
    expect(copied.rt).toBeGreaterThan(0);
    expect(copied.text.replace(/\s/g, '')).toBe(copied.plain.replace(/\s/g, ''));
    await toTab(page, 'setPinyinLayer', { mode: 'off' });
    await page.close();
  });

  it('the pinyin layer\'s tone colours stay readable on a dark page (4.5:1), and keep the reader\'s palette on a light one', async () => {
    const coloursOn = async (css: string | null) => {
      const page = await openArticle();
      if (css) await page.addStyleTag({ content: css });
      await toTab(page, 'setPinyinLayer', { mode: 'all' });
      const seen = await page.evaluate(() => {
        const article = document.querySelector('[data-yuedu-article]') as Element;
        return {
          background: getComputedStyle(article).backgroundColor,
          colours: [...new Set([...article.querySelectorAll('rt[style*="color"], rt span')].map((s) => getComputedStyle(s).color))],
        };
      });
      await page.close();
      return seen;
    };
    const light = await coloursOn(null);
    const pleco = DEFAULT_SETTINGS.toneColorList.map((hex) => `rgb(${(parseRgb(hex) as Rgb).join(', ')})`);
    expect([...light.colours].sort()).toEqual([...pleco].sort());
    const dark = await coloursOn('article { background: #1e1e1e !important; color: #ddd !important; }');
    expect(dark.background).toBe('rgb(30, 30, 30)');
    expect(dark.colours).toHaveLength(5);
    for (const colour of dark.colours) expect(contrast(parseRgb(colour) as Rgb, [30, 30, 30])).toBeGreaterThanOrEqual(4.5);
  });

  it('"unknown" mode leaves the words the reader knows without pinyin', async () => {
    await markKnown('合作');
    const page = await openArticle();
    expect(await toTab(page, 'setPinyinLayer', { mode: 'unknown' })).toEqual({ ok: true, value: { mode: 'unknown' } });
    const words = (await page.evaluate(layerWords)).map((w) => w.word);
    expect(words.length).toBeGreaterThan(500);
    expect(words).not.toContain('合作');
    expect(words).toContain('峰会');
    await toTab(page, 'setPinyinLayer', { mode: 'off' });
    await page.close();
  });

  it('`s` saves the word with its sentence, title and URL into IndexedDB, and the article highlights it', async () => {
    const page = await openArticle();
    await hover(page, '三股势力', { within: 'article' });
    await page.keyboard.press('s');
    await expect.poll(async () => (await card(page))?.status).toMatch(/三股势力/);
    const popup = await s.open(s.extensionUrl('popup.html'));
    const saved = (await popup.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('yuedu');
          req.onsuccess = () => {
            const get = req.result.transaction('words').objectStore('words').index('simplified').get('三股势力');
            get.onsuccess = () => {
              req.result.close();
              resolve(get.result);
            };
            get.onerror = () => reject(get.error);
          };
          req.onerror = () => reject(req.error);
        }),
    )) as { simplified: string; pinyin: string; contexts: { sentence: string; title: string; url: string }[] } | undefined;
    await popup.close();
    expect(saved?.simplified).toBe('三股势力');
    expect(saved?.pinyin).toMatch(/^san1 gu3 shi4 li[45]$/);
    expect(saved?.contexts[0]?.sentence).toContain('三股势力');
    expect(saved?.contexts[0]?.sentence.length).toBeLessThan(200);
    expect(saved?.contexts[0]?.title).toBe(await page.title());
    expect(saved?.contexts[0]?.url).toBe(page.url());
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('yuedu-saved') ?? [])].map((r) => (r as Range).toString())))
      .toContain('三股势力');
    await page.close();
  });

  it('finds saved and known words on a page in traditional characters', async () => {
    const popup = await s.open(s.extensionUrl('popup.html'));
    const word = { simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit meeting'] };
    const context = { sentence: '中亚峰会在阿斯塔纳举行。', title: '丝路新闻', url: 'http://127.0.0.1/' };
    expect(await popup.evaluate((payload) => chrome.runtime.sendMessage({ yuedu: 1, type: 'saveWord', payload }), { word, context })).toMatchObject({ ok: true });
    await popup.close();
    // Known words are kept by their simplified form only: 領導人 on the page must count as 领导人.
    await markKnown('领导人');

    const page = await openArticle('/test-pages/traditional.html');
    // The underlines wait for the reader's first own input on the page.
    await page.mouse.move(5, 5);
    await page.mouse.move(10, 10);
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('yuedu-saved') ?? [])].map((r) => (r as Range).toString())))
      .toEqual(['峰會', '峰會', '峰會', '峰會', '峰會']);
    const stats = (await toTab(page, 'articleStats', {})) as { value: { knownShare: number; learningShare: number } };
    expect(stats.value.learningShare).toBeGreaterThan(0);
    expect(stats.value.knownShare).toBeGreaterThan(0);
    // The "unknown words" layer leaves 領導人 bare (known as 领导人) and glosses 峰會 (saved, not known).
    expect(await toTab(page, 'setPinyinLayer', { mode: 'unknown' })).toEqual({ ok: true, value: { mode: 'unknown' } });
    const words = (await page.evaluate(layerWords)).map((w) => w.word);
    expect(words).toContain('峰會');
    expect(words).not.toContain('領導人');
    await page.close();
  });

  it('works beside forms, contenteditable, a same-origin frame and a hostile stylesheet, without leaking styles', async () => {
    const page = await s.open(s.server.url('/test-pages/forms.html'));
    await page.waitForSelector('html[data-yuedu]');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));

    // Text in an editable region is glossed; typing there still types.
    const editable = await hover(page, '命运共同体', { within: '#editor' });
    expect(editable.entries[0]?.word).toBe('命运共同体');
    await page.click('#notes');
    await page.keyboard.type('s');
    expect(await page.inputValue('#notes')).toContain('s');
    await page.fill('#field', '峰会期间，一切如常');
    expect(await page.inputValue('#field')).toBe('峰会期间，一切如常');

    // The page's `* { font-size: 9px !important }` does not reach the card; its own styles do not leak out.
    const plain = await hover(page, '峰会', { within: '#plain' });
    expect(plain.entries[0]?.word).toBe('峰会');
    const styles = await page.evaluate(() => {
      const host = document.querySelector('yuedu-hover') as HTMLElement;
      const hw = host.shadowRoot?.querySelector('.hw') as HTMLElement;
      return {
        headword: getComputedStyle(hw).fontSize,
        hostBorder: getComputedStyle(host).borderTopWidth,
        pageSheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
        rules: [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText.split('{')[0]?.trim())),
      };
    });
    expect(styles.headword).not.toBe('9px');
    expect(styles.hostBorder).toBe('0px');
    expect(styles.pageSheets).toBe(1);
    expect(styles.rules.every((rule) => rule?.startsWith('::highlight(yuedu-'))).toBe(true);

    // The same-origin frame runs its own reader: hover works inside it (once the top card is out of the way).
    await page.mouse.move(2, 2);
    await expect.poll(() => card(page)).toBeNull();
    const frame = page.frame({ url: /frame\.html$/ });
    expect(frame).not.toBeNull();
    await (frame as Frame).waitForSelector('html[data-yuedu]');
    const inFrame = await hover(page, '命运共同体', { scope: frame as Frame, within: '#inside' });
    expect(inFrame.entries[0]?.source).toBe('glossary');

    expect(requests.filter((url) => !url.startsWith(s.server.origin))).toEqual([]);
    await page.close();
  });

  it('keeps a 5 MB page and a 5,000-deep one responsive while it marks and annotates them', async () => {
    const paragraph = '<p>习近平强调，中吉合作大有可为。双方要扩大贸易和投资规模，深化金融合作；完善互联互通网络，高质量推进中吉乌铁路建设。</p>';
    const nav = '<nav>' + '<a href="#">首页</a>'.repeat(50) + '</nav>';
    const huge = `<!doctype html><meta charset="utf-8"><title>huge</title><body>${nav}<article id="big">${paragraph.repeat(50_000)}</article></body>`;
    // 5 MB of UTF-8 (the CJK characters take three bytes each).
    expect(Buffer.byteLength(huge)).toBeGreaterThan(5_000_000);
    const deep = `<!doctype html><meta charset="utf-8"><title>deep</title><body>${'<div>'.repeat(5000)}${paragraph.repeat(20)}</body>`;
    await s.context.route(/\/(huge|deep)\.html$/, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: route.request().url().includes('huge') ? huge : deep }),
    );

    const page = await s.open(s.server.url('/huge.html'));
    await page.waitForSelector('#big[data-yuedu-article]', { timeout: 30_000 });
    const fingerprint = () =>
      page.evaluate(() => {
        const text = new XMLSerializer().serializeToString(document.querySelector('#big') as Element);
        let hash = 2166136261;
        for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
        return `${text.length}:${hash >>> 0}`;
      });
    const before = await fingerprint();
    // The page's own input handler notes how far the layer had got when a key came in.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      addEventListener('keyup', () => seen.push(document.querySelector('#big')?.getAttribute('data-yuedu-pinyin') ?? 'none'));
    });
    const layering = toTab(page, 'setPinyinLayer', { mode: 'all' });
    // Should the test fail before awaiting it, its page closes and it rejects: that is this test's failure, not another.
    layering.catch(() => undefined);
    await expect.poll(() => page.locator('#big [data-yuedu-ruby]').count(), { timeout: 30_000 }).toBeGreaterThan(100);
    // The layer is built in slices: the page answers input between them, while the layer is still being drawn.
    await page.keyboard.press('x');
    await expect.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['pending']);
    // The first request's work ended once the text near the viewport was drawn: a 5 MB article is drawn further only
    // where the reader goes (the layer still says 'pending' on the article), so it answered with the mode it drew.
    expect(await layering).toEqual({ ok: true, value: { mode: 'all' } });
    expect(await toTab(page, 'setPinyinLayer', { mode: 'off' })).toEqual({ ok: true, value: { mode: 'off' } });
    expect(await fingerprint()).toBe(before);
    await page.close();

    const deepPage = await s.open(s.server.url('/deep.html'));
    await deepPage.waitForSelector('[data-yuedu-article]');
    expect((await hover(deepPage, '铁路建设', { expected: '铁路' })).entries[0]?.word).toBe('铁路');
    await deepPage.close();
    await s.context.unroute(/\/(huge|deep)\.html$/);
  });

  it('picks up text the page adds later: new paragraphs get pinyin, a replaced article is found again', async () => {
    const page = await openArticle();
    expect(await toTab(page, 'setPinyinLayer', { mode: 'all' })).toEqual({ ok: true, value: { mode: 'all' } });
    // Infinite scroll: a paragraph appended to the article.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = '新加载的段落：峰会期间签署合作文件。';
      document.querySelector('article')?.append(p);
    });
    await expect.poll(() => page.locator('#late [data-yuedu-ruby]').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    // SPA navigation: the article is replaced by a new one, which is marked and annotated in its turn.
    await page.evaluate(() => {
      const next = document.createElement('article');
      next.id = 'next';
      for (let i = 0; i < 8; i++) {
        const p = document.createElement('p');
        p.textContent = '中方愿同各方一道努力，为恢复中东地区和平稳定发挥建设性作用。我们反对任何侵犯别国主权安全和领土完整的行为。';
        next.append(p);
      }
      document.querySelector('article')?.replaceWith(next);
    });
    await expect.poll(() => page.locator('#next[data-yuedu-article][data-yuedu-pinyin=all] [data-yuedu-ruby]').count(), { timeout: 15_000 }).toBeGreaterThan(50);
    expect(await page.locator('[data-yuedu-article]').count()).toBe(1);
    await page.close();
  });

  it('logged no console errors, apart from the fixture pages\' own scripts and resources', () => {
    // Those pages were saved from the web: their scripts call missing libraries and their resources are blocked.
    expect(s.errors.filter((e) => !/\/fixtures\/[^:]+: (Failed to load resource|Unexpected token|\S+ is not defined)/.test(e))).toEqual([]);
  });
});
