// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { saveWord } from '../../lib/store/words';
import { community, ctx, freshDb, summit } from './store/fixtures';

// wxt/browser binds to the extension API when first imported (by the store's messages, by the settings module), so
// the fake goes in before any import; the badge is not what is tested here.
const { fakeBrowser } = await vi.hoisted(async () => {
  const fake = await import('wxt/testing/fake-browser');
  (globalThis as { chrome?: unknown }).chrome = fake.fakeBrowser;
  return fake;
});
// No locale files here: the English messages are the fallback.
vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
vi.mock('../../lib/store/badge', () => ({ refreshBadge: () => Promise.resolve() }));
let Review: typeof import('../../components/popup/Review').Review;

const press = (key: string) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

/** Lets Preact render (a microtask) without giving timers or animation frames a turn, as a fast typist does. */
async function untilRendered(root: Element, selector: string) {
  for (let i = 0; i < 50 && !root.querySelector(selector); i++) await Promise.resolve();
  expect(root.querySelector(selector)).not.toBeNull();
}

describe('the review keyboard', () => {
  beforeAll(async () => {
    ({ Review } = await import('../../components/popup/Review'));
  });

  it('acts on the card on screen, even when keys come faster than a frame', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('中亚峰会在西安举行。') });
    await saveWord(db, { word: community, context: ctx('构建命运共同体。') });
    const root = document.body.appendChild(document.createElement('div'));
    render(<Review db={db} openWordList={() => undefined} />, root);
    await expect.poll(() => root.querySelector('[data-testid=hanzi]')?.textContent).toContain('峰会');
    // Keyboard handlers bound in a passive effect would still see the front of the card here, one frame late.
    press(' ');
    await untilRendered(root, '[data-testid=card][data-side=back]');
    press('3');
    await expect.poll(() => root.querySelector('[data-testid=hanzi]')?.textContent).toContain('命运共同体');
    expect(await db.reviews.count()).toBe(1);
    press(' ');
    await untilRendered(root, '[data-testid=card][data-side=back]');
    press('u');
    await expect.poll(() => root.querySelector('[data-testid=hanzi]')?.textContent).toContain('峰会');
    expect(await db.reviews.count()).toBe(0);
    render(null, root);
  });
});
