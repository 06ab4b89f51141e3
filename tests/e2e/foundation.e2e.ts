import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type E2ESession } from './support/session';

describe('the built extension in Chromium', () => {
  let s: E2ESession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('runs the content script on the served sample dispatch, which reaches the service worker', async () => {
    const page = await s.openDemo();
    const version = await page.getAttribute('html', 'data-yuedu');
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    await page.close();
  });

  it('answers a typed message in the service worker', async () => {
    const popup = await s.open(s.extensionUrl('popup.html'));
    const reply = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ yuedu: 1, type: 'ping', payload: { from: 'e2e' } }),
    );
    expect(reply).toEqual({ ok: true, value: { pong: true, version: expect.any(String) } });
    const unknown = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ yuedu: 1, type: 'no-such-message', payload: {} }),
    );
    expect(unknown).toEqual({ ok: false, error: 'Unknown message type "no-such-message"' });
    await popup.close();
  });

  it('opens the popup, which reads what the background stored in IndexedDB through Dexie', async () => {
    const popup = await s.open(s.extensionUrl('popup.html'));
    await popup.waitForSelector('[data-testid=empty]');
    const saved = await popup.evaluate(() =>
      chrome.runtime.sendMessage({
        yuedu: 1,
        type: 'saveWord',
        payload: {
          word: { simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit'] },
          context: { sentence: '中亚峰会在西安举行。', title: 'e2e', url: 'http://127.0.0.1/' },
        },
      }),
    );
    expect(saved).toEqual({ ok: true, value: { id: 1, created: true } });
    await popup.reload();
    await expect.poll(() => popup.textContent('[data-testid=hanzi]')).toContain('峰会');
    await popup.close();
  });

  it('logged no console errors anywhere', () => {
    expect(s.errors).toEqual([]);
  });
});
