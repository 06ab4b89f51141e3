/**
 * A hover in Firefox while the background holds its lookups unanswered (Firefox's background is persistent, but often
 * busy annotating the article): the page answers it itself from the dictionary's shards (content/hover/own-lookup.ts),
 * which Firefox serves to the content script as web-accessible resources, and the background fills in the word's state.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRECTED_SITES } from '../../lib/corrected-sites';
import { pointAt, readCard } from '../../scripts/lib/page';
import { copyHoldingLookups } from '../e2e/support/hold-lookups';
import { FIREFOX_EXTENSION_DIR } from '../e2e/support/paths';
import { startFirefoxSession, type FirefoxSession } from './support/session';

describe('a hover in Firefox while the background holds its lookups', () => {
  let s: FirefoxSession;
  let copy: string;

  beforeAll(async () => {
    copy = await copyHoldingLookups(FIREFOX_EXTENSION_DIR);
    s = await startFirefoxSession(copy);
  });

  afterAll(async () => {
    await s?.close();
    await rm(copy, { recursive: true, force: true });
  });

  it('is answered by the page from the shards, with the word’s own card, its state filled in after', async () => {
    // The background wrote which sites have corrections (none) as the add-on was installed: the page may answer here.
    const popup = await s.openExtensionPage('popup.html');
    await expect.poll(() => popup.evaluate((key) => browser.storage.local.get(key), CORRECTED_SITES)).toEqual({ [CORRECTED_SITES]: [] });
    await popup.close();
    const page = await s.openArticle();
    const { x, y } = await pointAt(page, '命运共同体', 'article');
    // pointAt may have scrolled: its scroll event, which closes a card, comes with the next frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.mouse.move(x - 40, y);
    await page.mouse.move(x, y, { steps: 5 });
    await expect.poll(async () => (await readCard(page))?.headword).toBe('命运共同体');
    expect((await readCard(page))?.entries[0]).toMatchObject({ word: '命运共同体', source: 'glossary' });
    // What the reader knows of the word comes from the background, which answers that.
    await expect.poll(async () => (await readCard(page))?.state).toBe('unknown');
    expect(s.errors).toEqual([]);
  });
});
