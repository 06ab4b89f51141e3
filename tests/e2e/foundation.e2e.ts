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

  it('opens the popup, which reads what is stored in IndexedDB through Dexie', async () => {
    const popup = await s.open(s.extensionUrl('popup.html'));
    await expect.poll(() => popup.textContent('[data-testid=saved-count]')).toBe('0 saved words');
    await popup.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('yuedu');
          req.onsuccess = () => {
            const tx = req.result.transaction('words', 'readwrite');
            tx.objectStore('words').add({ simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit'], savedAt: Date.now() });
            tx.oncomplete = () => { req.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await popup.reload();
    await expect.poll(() => popup.textContent('[data-testid=saved-count]')).toBe('1 saved words');
    await popup.close();
  });

  it('logged no console errors anywhere', () => {
    expect(s.errors).toEqual([]);
  });
});
