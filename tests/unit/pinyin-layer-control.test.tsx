// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PinyinLayerControl } from '../../components/popup/PinyinLayerControl';
import type { PinyinLayerMode } from '../../lib/domain/pinyin-layer';

const tick = () => new Promise((r) => setTimeout(r, 0));
const pressed = (root: Element) => [...root.querySelectorAll('button[aria-pressed="true"]')].map((b) => b.getAttribute('data-mode'));

describe('the popup\'s pinyin layer control', () => {
  it('shows the page\'s mode, asks the page for a new one and shows what the page answers', async () => {
    const root = document.createElement('div');
    const asked: PinyinLayerMode[] = [];
    // A page without an article answers "off" whatever is asked.
    let hasArticle = true;
    const setMode = (mode: PinyinLayerMode) => {
      asked.push(mode);
      return Promise.resolve({ mode: hasArticle ? mode : ('off' as const) });
    };
    render(<PinyinLayerControl initial="off" setMode={setMode} />, root);
    expect(pressed(root)).toEqual(['off']);
    (root.querySelector('[data-mode=unknown]') as HTMLButtonElement).click();
    await tick();
    expect(asked).toEqual(['unknown']);
    expect(pressed(root)).toEqual(['unknown']);
    hasArticle = false;
    (root.querySelector('[data-mode=all]') as HTMLButtonElement).click();
    await tick();
    expect(pressed(root)).toEqual(['off']);
  });

  it('keeps the mode shown when the page does not answer', async () => {
    const root = document.createElement('div');
    render(<PinyinLayerControl initial="all" setMode={() => Promise.reject(new Error('no content script'))} />, root);
    (root.querySelector('[data-mode=off]') as HTMLButtonElement).click();
    await tick();
    expect(pressed(root)).toEqual(['all']);
  });
});
