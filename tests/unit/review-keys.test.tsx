// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Review } from '../../components/popup/Review';
import { saveWord } from '../../lib/store/words';
import { community, ctx, freshDb, summit } from './store/fixtures';

const press = (key: string) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

/** Lets Preact render (a microtask) without giving timers or animation frames a turn, as a fast typist does. */
async function untilRendered(root: Element, selector: string) {
  for (let i = 0; i < 50 && !root.querySelector(selector); i++) await Promise.resolve();
  expect(root.querySelector(selector)).not.toBeNull();
}

describe('the review keyboard', () => {
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
