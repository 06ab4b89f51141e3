/**
 * The popup's pinyin layer control, end to end: the popup opened over the sample dispatch turns the layer of that
 * tab's article on over every word, then off again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type E2ESession } from './support/session';

let s: E2ESession;
/**
 * The layer is drawn in chunks with pauses between them, so that the page stays responsive: allow it time. The
 * control shows the new mode when the page answers, after the last chunk, which is well after the first rubies.
 */
const LAYER_REDRAW = { timeout: 20_000 };

/**
 * The sample dispatch with its article marked, and the toolbar popup over it. The popup belongs to the active tab:
 * it is loaded in a tab behind the article.
 */
async function popupOverArticle() {
  const article = await s.openDemo();
  await article.waitForSelector('[data-yuedu-article]');
  const popup = await s.context.newPage();
  await article.bringToFront();
  await popup.goto(s.extensionUrl('popup.html'));
  const control = popup.locator('[data-testid=pinyin-layer]');
  await control.waitFor();
  const pressed = () => control.locator('button[aria-pressed=true]').getAttribute('data-mode');
  return { article, popup, control, pressed };
}

describe('the popup\'s pinyin layer control', () => {
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('turns the layer of the tab it is opened over on and off', async () => {
    const { article, popup, control, pressed } = await popupOverArticle();
    const rubies = () => article.locator('[data-yuedu-article] ruby').count();
    // The default layer is off: any ruby below comes from the popup.
    expect(await rubies()).toBe(0);
    expect(await control.getAttribute('aria-label')).toBe('Turn the pinyin layer on or off');
    expect(await pressed()).toBe('off');

    await control.getByRole('button', { name: 'Over every word' }).click();
    await expect.poll(rubies, LAYER_REDRAW).toBeGreaterThan(100);
    await expect.poll(pressed, LAYER_REDRAW).toBe('all');
    expect(await article.getAttribute('[data-yuedu-article]', 'data-yuedu-pinyin')).toBe('all');
    const rt = await article.locator('[data-yuedu-article] ruby rt').first().textContent();
    expect(rt).toMatch(/[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/);

    await control.getByRole('button', { name: 'Off', exact: true }).click();
    await expect.poll(rubies, LAYER_REDRAW).toBe(0);
    await expect.poll(pressed, LAYER_REDRAW).toBe('off');

    // Opened again over the same tab, the popup shows the mode the page is in.
    await control.getByRole('button', { name: 'Over every word' }).click();
    await expect.poll(rubies, LAYER_REDRAW).toBeGreaterThan(100);
    await article.bringToFront();
    await popup.reload();
    await control.waitFor();
    expect(await pressed()).toBe('all');

    await popup.close();
    await article.close();
  }, 120_000);

  it('shows the layer the page has after the site is switched off and on again in the same popup', async () => {
    const { article, popup, control, pressed } = await popupOverArticle();
    await control.getByRole('button', { name: 'Over every word' }).click();
    await expect.poll(pressed, LAYER_REDRAW).toBe('all');
    // Opened again: the popup now starts from the page's layer, "all".
    await article.bringToFront();
    await popup.reload();
    await control.waitFor();
    expect(await pressed()).toBe('all');

    await popup.click('[data-testid=site-switch]');
    await expect.poll(() => article.locator('ruby').count()).toBe(0);
    expect(await control.count()).toBe(0);
    // Switched on again, the page draws its default layer (off): the control must not show the mode from before.
    await popup.click('[data-testid=site-switch]');
    await article.waitForSelector('[data-yuedu-article]');
    await control.waitFor();
    expect(await pressed()).toBe('off');
    expect(await article.locator('ruby').count()).toBe(0);
    await popup.close();
    await article.close();
  }, 120_000);

  it('follows a site switch made elsewhere (the options page) while it is open', async () => {
    const { article, popup, control, pressed } = await popupOverArticle();
    const state = popup.locator('[data-testid=site-state]');
    const switchSite = (disabledSites: string[]) => s.serviceWorker.evaluate((list) => chrome.storage.local.set({ disabledSites: list }), disabledSites);

    await switchSite(['127.0.0.1']);
    await expect.poll(() => state.textContent()).toBe('Off for 127.0.0.1');
    expect(await popup.getAttribute('[data-testid=site-switch]', 'aria-checked')).toBe('false');
    await expect.poll(() => control.count()).toBe(0);

    await switchSite([]);
    await expect.poll(() => state.textContent()).toBe('On for 127.0.0.1');
    await control.waitFor();
    expect(await pressed()).toBe('off');
    await popup.close();
    await article.close();
  }, 120_000);

  it('logged no console errors anywhere', () => {
    expect(s.errors).toEqual([]);
  });
});
