/**
 * Screenshots of the extension's own pages for the README: the hover card on the sample dispatch (after `a`, after
 * Shift+C, and on an amount), the dispatch with the pinyin layer on, the popup (over the dispatch, so it shows that page's switch and article stats), the
 * options page (in English and in Simplified Chinese) and the word list. Builds nothing: run `npm run build` first,
 * or set YUEDU_OUT_DIR to the build to use. Writes PNGs to docs/.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './lib/browser';
import { pointAt } from './lib/page';
import { ROOT as root } from './lib/build';
import { startStaticServer } from './lib/static-server';

const extensionDir = path.join(root, process.env.YUEDU_OUT_DIR ?? '.output', 'chrome-mv3');
const docs = path.join(root, 'docs');

if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
  throw new Error(`No built extension in ${extensionDir}: run npm run build first.`);
}
await mkdir(docs, { recursive: true });
const server = await startStaticServer({ '/': path.join(root, 'demo') });
const browser = await launchWithExtension(extensionDir, { headless: true });

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  // Fonts and the Preact render settle before the picture is taken.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(docs, name), fullPage });
  console.log(`docs/${name}`);
}

/** Points at `text` (its first character, coming along its line), presses `key` (if any), and shoots the word and its card. */
async function shootCard(page: Page, text: string, key: string | null, name: string): Promise<void> {
  await page.mouse.move(5, 5);
  const point = await pointAt(page, text, 'article');
  await page.mouse.move(point.x - 30, point.y);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  await page.waitForFunction(() => (document.querySelector('yuedu-hover') as HTMLElement | null)?.style.display === 'block');
  if (key) {
    await page.keyboard.press(key);
    await page.waitForFunction(() => document.querySelector('yuedu-hover')?.shadowRoot?.querySelector('.status'), null, { timeout: 5000 });
  }
  const card = await page.evaluate(() => {
    const r = (document.querySelector('yuedu-hover') as HTMLElement).getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
  const left = Math.max(0, Math.min(card.left, point.x) - 40);
  const top = Math.max(0, Math.min(card.top, point.y) - 40);
  const clip = { x: left, y: top, width: Math.max(card.right, point.x) + 40 - left, height: Math.max(card.bottom, point.y) + 40 - top };
  await page.screenshot({ path: path.join(docs, name), clip });
  console.log(`docs/${name}`);
}

/** Sends a tab request to the content script of the one web page open, as the popup and the command do. */
async function toTab(type: string, payload: unknown): Promise<void> {
  await browser.serviceWorker.evaluate(
    async ({ type, payload }) => {
      // Without the "tabs" permission the worker cannot see tab URLs: ask every tab; only a web page answers.
      const tabs = await chrome.tabs.query({});
      await Promise.allSettled(tabs.map((tab) => chrome.tabs.sendMessage(tab.id ?? -1, { yuedu: 1, type, payload }, { frameId: 0 })));
    },
    { type, payload },
  );
}

/** The top of the dispatch with the pinyin layer over every word, at the browser's default size; the layer then goes off. */
async function shootLayer(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.bringToFront();
  await toTab('setPinyinLayer', { mode: 'all' });
  await page.waitForSelector('[data-yuedu-article][data-yuedu-pinyin=all]');
  await page.evaluate(() => scrollTo(0, 0));
  const box = await page.evaluate(() => {
    const r = (document.querySelector('[data-yuedu-article]') as Element).getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width };
  });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(docs, name), clip: { x: box.x, y: box.y, width: box.width, height: 640 } });
  console.log(`docs/${name}`);
  await toTab('setPinyinLayer', { mode: 'off' });
}

try {
  const article = await browser.context.newPage();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await article.goto(server.url('/silk-road.html'));
  await article.waitForSelector('[data-yuedu-article]', { timeout: 15_000 });
  await shootCard(article, '峰会召开前夕', 'a', 'card-audio.png');
  await shootCard(article, '命运共同体', 'Shift+C', 'card-copy.png');
  await shootCard(article, '亿千瓦时', null, 'card-number.png');
  await shootLayer(article, 'pinyin-layer.png');

  // The popup asks the active tab about its page: load it in a tab behind the article, as the toolbar popup would be.
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await article.bringToFront();
  await popup.goto(browser.extensionUrl('popup.html'));
  // A reader who has saved the HSK 1–2 words of the dispatch, so that the review, stats and word list have content.
  await popup.waitForSelector('[data-testid=bulk-save]', { timeout: 30_000 });
  await popup.selectOption('#yd-bulk-level', '2');
  await popup.click('[data-testid=bulk-save]');
  // The status shows progress while saving ("Saving 3 of 200…"), then "Saved 200 words.".
  await popup.waitForFunction(
    () => /^Saved \d+ words\.$/.test(document.querySelector('[data-testid=bulk-status]')?.textContent ?? ''),
    null,
    { timeout: 120_000 },
  );
  await popup.reload();
  await popup.waitForSelector('[data-testid=article-stats]', { timeout: 30_000 });
  await popup.bringToFront();
  await shoot(popup, 'popup.png');

  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(browser.extensionUrl('options.html'));
  await options.waitForSelector('[data-testid=about]');
  await shoot(options, 'options.png');

  const words = await browser.context.newPage();
  await words.setViewportSize({ width: 1100, height: 800 });
  await words.goto(browser.extensionUrl('words.html'));
  await shoot(words, 'word-list.png', false);
} finally {
  await browser.close();
  await server.close();
}

// The same options page in a browser that speaks Simplified Chinese.
const chinese = await launchWithExtension(extensionDir, { headless: true, lang: 'zh-CN' });
try {
  const options = await chinese.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(chinese.extensionUrl('options.html'));
  await options.waitForSelector('[data-testid=about]');
  await shoot(options, 'options-zh_CN.png');
} finally {
  await chinese.close();
}
