// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { observeAddedText } from '../../content/observe';
import { PinyinLayer } from '../../content/pinyin-layer';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('watching for text the page adds', () => {
  it('reports added text in one batch per idle period, outermost nodes only, and not the layer\'s own nodes', async () => {
    document.body.replaceChildren();
    const batches: Node[][] = [];
    let idle: (() => void) | null = null;
    const stop = observeAddedText(document.body, (nodes) => batches.push(nodes), (run) => (idle = run));
    const feed = document.createElement('div');
    document.body.append(feed);
    const more = document.createElement('p');
    more.textContent = '新加载的文章段落';
    feed.append(more);
    await tick();
    expect(batches).toHaveLength(0);
    (idle as unknown as () => void)();
    expect(batches).toEqual([[feed]]);

    idle = null;
    const layer = new PinyinLayer(feed);
    await layer.apply({
      mode: 'all',
      bare: () => false,
      toneColors: null,
      joinSyllables: true,
      pinyinSize: 12,
      annotate: (ps) => Promise.resolve(ps.map((t) => [{ text: t, start: 0, kind: 'word' as const, pinyin: [...t].map(() => 'x1') }])),
      pause: () => Promise.resolve(),
    });
    await tick();
    expect(document.querySelectorAll('[data-yuedu-ruby]')).toHaveLength(1);
    // Nothing was scheduled: the ruby the layer inserted is not news.
    expect(idle).toBeNull();
    expect(batches).toHaveLength(1);
    stop();
  });
});
