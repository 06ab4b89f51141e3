import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAt, readCard } from '../../scripts/lib/page';
import { saveWord } from './support/save-word';
import { startSession, type E2ESession } from './support/session';

const summit = { simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit meeting'], hsk: 6 };
const community = { simplified: '命运共同体', traditional: '命運共同體', pinyin: 'ming4 yun4 gong4 tong2 ti3', definitions: ['community of common destiny'] };
const silkRoad = { simplified: '丝绸之路', traditional: '絲綢之路', pinyin: 'si1 chou2 zhi1 lu4', definitions: ['the Silk Road'], hsk: 7 };

const YUEDU_FIELDS = ['Hanzi', 'Traditional', 'Pinyin', 'Meaning', 'Sentence', 'Source title', 'Source URL', 'HSK', 'Note'];

interface AnkiRequest {
  action: string;
  version: number;
  params: Record<string, unknown>;
}

/**
 * A stand-in for AnkiConnect on 127.0.0.1: the actions Yuedu uses, answered as the add-on documents them
 * (POST `{action, version: 6, params}` → `{result, error}`), with every request recorded.
 */
async function fakeAnkiConnect() {
  const received: AnkiRequest[] = [];
  const origins: string[] = [];
  const state = { decks: ['Default', 'Chinese'], duplicate: false, nextId: 1_700_000_000_001 };
  const answer = (req: AnkiRequest): unknown => {
    switch (req.action) {
      case 'version':
        return 6;
      case 'deckNames':
        return state.decks;
      case 'modelNames':
        return ['Basic', 'Chinese (Yuedu)'];
      case 'modelFieldNames':
        return req.params.modelName === 'Basic' ? ['Front', 'Back'] : YUEDU_FIELDS;
      case 'canAddNotes':
        return (req.params.notes as unknown[]).map(() => !state.duplicate);
      case 'addNote':
        return state.nextId++;
      default:
        throw new Error('unsupported action');
    }
  };
  const server: Server = createServer((request, response) => {
    origins.push(request.headers.origin ?? '');
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      let reply: { result: unknown; error: string | null };
      try {
        const req = JSON.parse(body) as AnkiRequest;
        received.push(req);
        reply = { result: answer(req), error: null };
      } catch (err) {
        reply = { result: null, error: String(err) };
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, origins, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The Send to Anki settings as stored (what the background reads). */
const storedAnki = async (page: Page) =>
  ((await page.evaluate(() => chrome.storage.sync.get('settings'))) as { settings?: { anki?: { deck: string; fields: Record<string, string> } } }).settings?.anki;

const ankiAdd = (page: Page, word: object) =>
  page.evaluate((w) => chrome.runtime.sendMessage({ yuedu: 1, type: 'ankiAdd', payload: { word: w, context: null } }), word);

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
  let anki: Awaited<ReturnType<typeof fakeAnkiConnect>>;
  let granted: E2ESession | undefined;
  beforeAll(async () => {
    anki = await fakeAnkiConnect();
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
    await granted?.close();
    await anki?.close();
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

  it('sends nothing to Anki before the reader opts in, and asks the browser for the permission from the switch', async () => {
    const words = await s.open(s.extensionUrl('words.html'));
    await words.waitForSelector('[data-testid=word-count]');
    expect(await words.locator('[data-testid=send-to-anki]').count()).toBe(0);
    expect(await ankiAdd(words, summit)).toEqual({ ok: false, error: 'Send to Anki is off: turn it on in Yuedu\'s options.' });
    const options = await s.open(s.extensionUrl('options.html'));
    await options.waitForSelector('[data-testid=anki-section]');
    expect(await options.locator('[data-setting=ankiUrl]').count()).toBe(0);
    // The click asks Chromium, which shows its permission prompt (headless: it stays unanswered); until it is
    // accepted the setting stays off and nothing is sent.
    await options.click('input[name=ankiEnabled]');
    const stored = (await options.evaluate(() => chrome.storage.sync.get('settings'))) as { settings?: { anki?: { enabled?: boolean } } };
    expect(stored.settings?.anki?.enabled ?? false).toBe(false);
    expect(await options.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(false);
    expect(await ankiAdd(words, summit)).toMatchObject({ ok: false });
    expect(anki.received).toEqual([]);
    await options.close();
    await words.close();
  });

  // Two launches (the first records the permission in the profile) and the whole flow: longer than the default.
  it('once allowed and turned on, adds notes with the mapped fields, and says why when it cannot', async () => {
    granted = await startSession({ grantedOrigins: ['http://127.0.0.1/*', 'http://localhost/*'] });
    const words = await granted.open(granted.extensionUrl('words.html'));
    await words.waitForSelector('[data-testid=no-words]');
    await saveWord(words, summit, '中亚峰会在西安举行。');
    // The permission alone sends nothing: the reader has not turned the feature on.
    expect(await ankiAdd(words, summit)).toEqual({ ok: false, error: 'Send to Anki is off: turn it on in Yuedu\'s options.' });
    expect(anki.received).toEqual([]);
    expect(await words.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);

    const options = await granted.open(granted.extensionUrl('options.html'));
    await options.waitForSelector('[data-testid=anki-section]');
    await options.click('input[name=ankiEnabled]');
    // Nothing listens on the default address here: the reader is told Anki is not running.
    await expect.poll(() => options.textContent('[data-testid=anki-status]')).toBe(
      'Anki did not answer at http://127.0.0.1:8765: start Anki with the AnkiConnect add-on installed.',
    );
    await options.fill('input[name=ankiUrl]', anki.url);
    await options.press('input[name=ankiUrl]', 'Enter');
    await options.locator('input[name=ankiUrl]').blur();
    await expect.poll(() => options.textContent('[data-testid=anki-status]')).toBe('Connected: 2 decks, 2 note types.');
    await options.selectOption('select[name=ankiDeck]', 'Chinese');
    await options.selectOption('select[name=ankiNoteType]', 'Chinese (Yuedu)');
    // Fields named like Yuedu's are mapped by default.
    await expect.poll(() => options.locator('select[data-anki-field=Pinyin]').inputValue()).toBe('Pinyin');
    await options.selectOption('select[data-anki-field=Note]', '');
    await expect.poll(async () => (await storedAnki(options))?.fields.Note).toBeUndefined();
    // Settings are written once the reader pauses (they are coalesced within storage.sync's quotas).
    await expect.poll(async () => (await storedAnki(options))?.deck).toBe('Chinese');
    expect(anki.received.map((r) => r.action)).not.toContain('addNote');

    await words.reload();
    await words.click('[data-testid=word-row][data-word=峰会] [data-testid=send-to-anki]');
    await expect.poll(() => words.textContent('[data-testid=anki-status]')).toBe('Added 峰会 to Anki.');
    const added = anki.received.filter((r) => r.action === 'addNote');
    expect(added).toHaveLength(1);
    expect(added[0]?.version).toBe(6);
    expect(added[0]?.params).toEqual({
      note: {
        deckName: 'Chinese',
        modelName: 'Chinese (Yuedu)',
        fields: {
          Hanzi: '峰会',
          Traditional: '峰會',
          Pinyin: '<span class="tone1">fēng</span> <span class="tone4">huì</span>',
          Meaning: 'summit meeting',
          Sentence: '中亚<b class="word">峰会</b>在西安举行。',
          'Source title': '丝路新闻',
          'Source URL': 'http://127.0.0.1/silk-road.html',
          HSK: '6',
          Note: '',
        },
        tags: ['yuedu'],
      },
    });

    // Refusals: a duplicate, a deck gone, the first field unmapped; none of them adds a note.
    anki.state.duplicate = true;
    await words.click('[data-testid=word-row][data-word=峰会] [data-testid=send-to-anki]');
    await expect.poll(() => words.textContent('[data-testid=anki-status]')).toBe('峰会 is already in the deck "Chinese".');
    anki.state.duplicate = false;
    anki.state.decks = ['Default'];
    await words.click('[data-testid=word-row][data-word=峰会] [data-testid=send-to-anki]');
    await expect.poll(() => words.textContent('[data-testid=anki-status]')).toBe('Anki has no deck "Chinese": pick a deck in Yuedu\'s options.');
    anki.state.decks = ['Default', 'Chinese'];
    await options.selectOption('select[data-anki-field=Hanzi]', '');
    await expect.poll(async () => (await storedAnki(options))?.fields.Hanzi).toBeUndefined();
    await words.click('[data-testid=word-row][data-word=峰会] [data-testid=send-to-anki]');
    await expect
      .poll(() => words.textContent('[data-testid=anki-status]'))
      .toBe('The field "Hanzi" of note type "Chinese (Yuedu)" is not mapped: Anki needs its first field. Map it in Yuedu\'s options.');
    await options.selectOption('select[data-anki-field=Hanzi]', 'Hanzi');
    await expect.poll(async () => (await storedAnki(options))?.fields.Hanzi).toBe('Hanzi');
    expect(anki.received.filter((r) => r.action === 'addNote')).toHaveLength(1);

    // Shift+S on the hover card.
    const demo = await granted.openDemo();
    const { x, y } = await pointAt(demo, '命运共同体', 'article');
    await demo.mouse.move(x, y - 8);
    await demo.mouse.move(x, y, { steps: 4 });
    await expect.poll(async () => (await readCard(demo))?.entries[0]?.word).toBe('命运共同体');
    await demo.keyboard.press('Shift+S');
    await expect.poll(async () => (await readCard(demo))?.status).toBe('Added 命运共同体 to Anki.');
    const fromCard = anki.received.filter((r) => r.action === 'addNote').at(-1)?.params.note as { fields: Record<string, string> };
    expect(fromCard.fields.Hanzi).toBe('命运共同体');
    expect(fromCard.fields.Sentence).toContain('<b class="word">命运共同体</b>');

    // Turning it off: the background refuses again and sends nothing. (Chromium keeps the host permission, which the
    // content script's http://*/* also covers, so permissions.remove is refused; the setting is the gate.)
    await options.click('input[name=ankiEnabled]');
    await expect.poll(async () => (await storedAnki(options)) as unknown as { enabled: boolean }).toMatchObject({ enabled: false });
    const before = anki.received.length;
    expect((await ankiAdd(words, summit)) as { ok: boolean }).toMatchObject({ ok: false });
    expect(anki.received.length).toBe(before);
    expect(granted.errors).toEqual([]);
  }, 180_000);
});
