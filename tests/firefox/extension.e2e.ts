/**
 * The Firefox build as an add-on: it carries the explicit id Firefox's storage API needs for a temporary add-on (the
 * README's *Load Temporary Add-on…*), and its settings travel through that storage from the options page to a tab.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAt, readCard } from '../../scripts/lib/page';
import { FIREFOX_EXTENSION_DIR } from '../e2e/support/paths';
import { startFirefoxSession, type FirefoxSession } from './support/session';

let s: FirefoxSession;

/** Hovers `word` in the article afresh (away and Esc first, so the card is drawn with the current settings). */
async function hover(page: Page, word: string) {
  await page.bringToFront();
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await expect.poll(() => readCard(page)).toBeNull();
  const { x, y } = await pointAt(page, word, '[data-yuedu-article]');
  await page.mouse.move(x - 1, y);
  await page.mouse.move(x, y);
  await expect.poll(async () => (await readCard(page))?.entries[0]?.word).toBe(word);
  return readCard(page);
}

describe('the add-on in Firefox', () => {
  beforeAll(async () => {
    s = await startFirefoxSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the built manifest names its add-on id and Firefox 140, and Firefox installed it under that id', async () => {
    const manifest = JSON.parse(await readFile(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      manifest_version: number;
      browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
    };
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings?.gecko).toMatchObject({ id: expect.stringMatching(/^[\w.-]+@[\w.-]+$/), strict_min_version: '140.0' });
    expect(s.addonId).toBe(manifest.browser_specific_settings?.gecko?.id);
  });

  it('the storage API works in the temporary add-on, in its pages and in its content script', async () => {
    const options = await s.openExtensionPage('options.html');
    expect(await options.evaluate(async () => {
      await browser.storage.local.set({ probe: 'yuedu' });
      const { probe } = await browser.storage.local.get('probe');
      await browser.storage.local.set({ probe: null });
      return probe;
    })).toBe('yuedu');
    await options.close();
    // The content script reads its settings and the site switch from storage before it marks the article.
    const page = await s.openArticle();
    expect(await page.evaluate(() => document.querySelectorAll('[data-yuedu-article]').length)).toBe(1);
    await page.close();
  });

  it('a setting changed on the options page reaches an open tab without a reload', async () => {
    const page = await s.openArticle();
    expect((await hover(page, '发展'))?.entries[0]?.pinyin).toBe('fā zhǎn');
    const options = await s.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid=about]');
    await options.bringToFront();
    await options.click('input[name=pinyinStyle][value=numbers]');
    await expect
      .poll(() => options.evaluate(async () => ((await browser.storage.sync.get('settings')).settings as { pinyinStyle?: string } | undefined)?.pinyinStyle))
      .toBe('numbers');
    expect((await hover(page, '发展'))?.entries[0]?.pinyin).toBe('fa1 zhan3');
    await options.click('[data-testid=reset]');
    await options.close();
    await page.close();
  });

  it('logged no console errors (Firefox logs one on every page when a temporary add-on has no id)', () => {
    expect(s.errors).toEqual([]);
  });
});
