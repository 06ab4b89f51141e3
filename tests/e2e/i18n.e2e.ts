/** The UI in the browser's language: Simplified Chinese when the browser speaks it (English is tested everywhere else). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { ROOT } from '../../scripts/lib/build';
import { EXTENSION_DIR } from './support/paths';

const zh = JSON.parse(readFileSync(path.join(ROOT, 'public/_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>;
const message = (key: string) => zh[key]?.message ?? `(no message ${key})`;

describe('a browser in Simplified Chinese', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension(EXTENSION_DIR, { headless: true, lang: 'zh-CN' });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('shows the options page in Chinese, declared as zh-CN', async () => {
    const page = await b.context.newPage();
    await page.goto(b.extensionUrl('options.html'));
    await page.waitForSelector('[data-testid=about]');
    expect(await page.title()).toBe(message('optionsTitle'));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe(message('optionsTitle'));
    expect(await page.textContent('#about-heading')).toBe(message('aboutHeading'));
    const labels = await page.locator('legend, label, h2, button').allTextContents();
    expect(labels).toContain(message('optionsPinyinStyle'));
    expect(labels).toContain(message('optionsReset'));
    // Every label and heading is Chinese text (a sample, hanzi, or a proper name such as "Yuedu" or "HSK").
    for (const label of labels) expect(label, label).toMatch(/\p{Script=Han}|Yuedu|HSK/u);
    await page.close();
  });

  it('shows the review popup in Chinese, the key to press inside the sentence', async () => {
    const page = await b.context.newPage();
    await page.goto(b.extensionUrl('popup.html'));
    await page.waitForSelector('[data-testid=empty]');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('[data-testid=empty] strong')).toBe(message('reviewNoWords'));
    expect(await page.textContent('[data-testid=empty] p:nth-of-type(2)')).toBe(message('reviewHowToSave').replace('$KEY$', 'S'));
    expect(await page.textContent('[data-testid=empty] button')).toBe(message('reviewOpenWordList'));
    expect(await page.textContent('[data-testid=open-word-list]')).toBe(message('popupWordList'));
    await page.close();
  });

  it('shows the word list page in Chinese, declared as zh-CN', async () => {
    const page = await b.context.newPage();
    await page.goto(b.extensionUrl('words.html'));
    await page.waitForSelector('[data-testid=no-words]');
    expect(await page.title()).toBe(message('wordsPageTitle'));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe(message('wordsHeading'));
    expect(await page.textContent('[data-testid=no-words]')).toBe(message('wordsNone'));
    expect(await page.getAttribute('[data-testid=search]', 'placeholder')).toBe(message('wordsSearchPlaceholder'));
    const labels = await page.locator('h2, label, button, dt, option').allTextContents();
    for (const label of labels) expect(label, label).toMatch(/\p{Script=Han}|Yuedu|HSK/u);
    await page.close();
  });

  it('names the extension and its command in Chinese in the manifest', async () => {
    const page = await b.context.newPage();
    await page.goto(b.extensionUrl('options.html'));
    const names = await page.evaluate(async () => {
      const api = chrome as unknown as {
        runtime: { getManifest(): { name: string } };
        i18n: { getMessage(key: string): string };
        commands: { getAll(): Promise<{ name?: string; description?: string }[]> };
      };
      const commands = await api.commands.getAll();
      return {
        name: api.i18n.getMessage('extName'),
        command: commands.find((c) => c.name === 'toggle-pinyin')?.description,
      };
    });
    expect(names).toEqual({ name: message('extName'), command: message('commandTogglePinyin') });
    await page.close();
  });

  // Saves a word, so it runs after the tests of the empty popup and word list.
  it('explains store errors and the due count on the toolbar in Chinese, JSON paths kept as they are', async () => {
    const page = await b.context.newPage();
    await page.goto(b.extensionUrl('words.html'));
    await page.waitForSelector('[data-testid=no-words]');
    const save = (simplified: string) =>
      page.evaluate(
        (simplified) =>
          chrome.runtime.sendMessage({
            yuedu: 1,
            type: 'saveWord',
            payload: {
              word: { simplified, traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit meeting'] },
              context: { sentence: '中亚峰会在西安举行。', title: '丝路新闻', url: 'http://127.0.0.1/silk-road.html' },
            },
          }),
        simplified,
      );
    expect(await save('')).toEqual({ ok: false, error: message('invalidEmpty').replace('$PATH$', 'word.simplified') });
    expect(await save('峰会')).toMatchObject({ ok: true });
    const title = () => b.serviceWorker.evaluate(() => chrome.action.getTitle({}));
    await expect.poll(title).toBe(message('badgeTitleDue').replace('$COUNT$', '1'));

    await page.setInputFiles('[data-testid=import-json]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "yuedu-backup", "vers') });
    await expect.poll(() => page.textContent('[data-testid=transfer-status]')).toBe(message('backupNotJson'));
    await page.close();
  });
});
