/**
 * A page in a legacy Chinese encoding, end to end in Chromium with the built extension: people-1 of the gne fixtures
 * (its <meta> declares GB2312) served as GBK bytes with `Content-Type: text/html; charset=gbk`, as such sites serve
 * it. The browser decodes it; the article is marked and a hover over one of its words shows the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAt, readCard } from '../../scripts/lib/page';
import { readGnePage } from '../unit/support/fixture-pages';
import { startSession, type E2ESession } from './support/session';

let s: E2ESession;

/** GBK bytes of `text` (Node can decode GBK but not encode it): the table is read back from the decoder. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

describe('a page in GBK', () => {
  beforeAll(async () => {
    s = await startSession();
    await s.context.route((url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1', (route) => route.abort());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is decoded by the browser, its article marked, and a word in it glossed on hover', async () => {
    const html = readGnePage('people-1.html');
    expect(html).toMatch(/charset=GB2312/i);
    const body = encodeGbk(html);
    // The bytes are not UTF-8: only a browser that honours the charset reads the Chinese.
    expect(body.toString('utf8')).not.toContain('父亲的教诲');
    await s.context.route(/\/gbk\/people-1\.html$/, (route) => route.fulfill({ contentType: 'text/html; charset=gbk', body }));
    const page = await s.open(s.server.url('/gbk/people-1.html'));
    expect(await page.evaluate(() => document.characterSet.toLowerCase())).toBe('gbk');
    await page.waitForSelector('[data-yuedu-article]');
    expect(await page.locator('[data-yuedu-article]').count()).toBe(1);
    expect(await page.locator('[data-yuedu-article]').innerText()).toContain('父亲的教诲像一盏灯');

    // The saved page reflows as its blocked pictures and scripts give up: point again until the layout holds still.
    await expect
      .poll(
        async () => {
          const { x, y } = await pointAt(page, '教诲', '[data-yuedu-article]');
          await page.mouse.move(x, y - 1);
          await page.mouse.move(x, y);
          await page.waitForTimeout(300);
          return (await readCard(page))?.entries[0]?.word;
        },
        { timeout: 15_000 },
      )
      .toBe('教诲');
    await page.close();
  });
});
