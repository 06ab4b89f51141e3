import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type E2ESession } from './support/session';

const summit = { simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit meeting'], hsk: 6 };
const community = { simplified: '命运共同体', traditional: '命運共同體', pinyin: 'ming4 yun4 gong4 tong2 ti3', definitions: ['community of common destiny'] };
const silkRoad = { simplified: '丝绸之路', traditional: '絲綢之路', pinyin: 'si1 chou2 zhi1 lu4', definitions: ['the Silk Road'], hsk: 7 };

const saveWord = (page: Page, word: object, sentence: string) =>
  page.evaluate(
    ([w, sentence]) =>
      chrome.runtime.sendMessage({
        yuedu: 1,
        type: 'saveWord',
        payload: { word: w, context: { sentence, title: '丝路新闻', url: 'http://127.0.0.1/silk-road.html' } },
      }),
    [word, sentence] as const,
  );

/** Clicks the .apkg export and reads the deck's notes (sort field, GUID, fields) back with sql.js. */
async function exportApkg(page: Page): Promise<{ sfld: string; guid: string; flds: string[] }[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-apkg]')]);
  const zip = unzipSync(new Uint8Array(await readFile(await download.path())));
  const SQL = await initSqlJs();
  const db = new SQL.Database(zip['collection.anki2']);
  const rows = db.exec('SELECT sfld, guid, flds FROM notes ORDER BY sfld')[0]?.values ?? [];
  db.close();
  expect(download.suggestedFilename()).toMatch(/^yuedu-\d{4}-\d\d-\d\d\.apkg$/);
  return rows.map(([sfld, guid, flds]) => ({ sfld: String(sfld), guid: String(guid), flds: String(flds).split('\x1f') }));
}

describe('Anki in Chromium', () => {
  let s: E2ESession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('exports an .apkg offline: the whole list, the search result, the words saved since the last export', async () => {
    const page = await s.open(s.extensionUrl('words.html'));
    await page.waitForSelector('[data-testid=no-words]');
    await saveWord(page, summit, '中亚峰会在西安举行。');
    await saveWord(page, community, '构建命运共同体。');
    await page.reload();
    await page.waitForSelector('[data-testid=word-count]');
    // sql.js and its wasm come from the extension itself: the export works with the network cut.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await s.context.setOffline(true);

    const all = await exportApkg(page);
    expect(all.map((n) => n.sfld)).toEqual(['命运共同体', '峰会']);
    expect(all[1]?.flds.slice(0, 5)).toEqual([
      '峰会',
      '峰會',
      '<span class="tone1">fēng</span> <span class="tone4">huì</span>',
      'summit meeting',
      '中亚<b class="word">峰会</b>在西安举行。',
    ]);
    await expect.poll(() => page.textContent('[data-testid=transfer-status]')).toContain('Exported 2 words as an Anki deck');

    await page.fill('[data-testid=search]', 'summit');
    await page.selectOption('[data-testid=apkg-scope]', 'search');
    const searched = await exportApkg(page);
    expect(searched.map((n) => n.sfld)).toEqual(['峰会']);
    expect(searched[0]?.guid).toBe(all[1]?.guid);

    // Nothing saved since that export: a clear message and no file.
    await page.selectOption('[data-testid=apkg-scope]', 'since');
    await page.click('[data-testid=export-apkg]');
    await expect.poll(() => page.textContent('[data-testid=transfer-status]')).toBe('No words to export.');
    await saveWord(page, silkRoad, '古代丝绸之路。');
    const since = await exportApkg(page);
    expect(since.map((n) => n.sfld)).toEqual(['丝绸之路']);

    expect(requests.filter((url) => !url.startsWith('chrome-extension://') && !url.startsWith('blob:'))).toEqual([]);
    expect(requests.some((url) => url.endsWith('.wasm'))).toBe(true);
    await s.context.setOffline(false);
    expect(s.errors).toEqual([]);
    await page.close();
  });
});
