// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../dictionary/types';
import { findArticle } from '../../content/article';
import { LAYER_ATTR, PinyinLayer, RUBY_ATTR, screenFirst, type LayerOptions } from '../../content/pinyin-layer';
import type { NearReport } from '../../content/near-viewport';

/** A stand-in for the engine: two-character words, one syllable "p1" per character, non-Han as 'other'. */
function fakeAnnotate(paragraphs: string[]): Promise<Segment[][]> {
  return Promise.resolve(
    paragraphs.map((text) => {
      const segments: Segment[] = [];
      for (let i = 0; i < text.length; ) {
        const han = /\p{Script=Han}/u.test(text[i] ?? '');
        let j = i + 1;
        if (han) {
          if (/\p{Script=Han}/u.test(text[j] ?? '')) j++;
        } else while (j < text.length && !/\p{Script=Han}/u.test(text[j] ?? '')) j++;
        const word = text.slice(i, j);
        segments.push(han ? { text: word, start: i, kind: 'word', pinyin: [...word].map((_, k) => `p${k + 1}`) } : { text: word, start: i, kind: 'other' });
        i = j;
      }
      return segments;
    }),
  );
}

let calls = 0;
const options = (extra: Partial<LayerOptions> = {}): LayerOptions => ({
  mode: 'all',
  bare: () => false,
  toneColors: null,
  joinSyllables: false,
  pinyinSize: 12,
  annotate: (p) => {
    calls++;
    return fakeAnnotate(p);
  },
  pause: () => Promise.resolve(),
  ...extra,
});

/** A page holding one paragraph of `text`. */
function onlyParagraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.replaceChildren(p);
  return p;
}

const serialize = (el: Element) => new XMLSerializer().serializeToString(el);

/** Each word of the layer: its text (without the pinyin) and the pinyin of each of its columns. */
const layerWords = (root: Element) =>
  [...root.querySelectorAll(`[${RUBY_ATTR}]`)].map((w) => ({
    word: [...w.querySelectorAll('ruby')].map((r) => r.lastChild?.textContent).join(''),
    columns: [...w.querySelectorAll('rt')].map((rt) => rt.textContent),
  }));

function loadDemo(): Element {
  const parsed = new DOMParser().parseFromString(readFileSync(path.resolve(import.meta.dirname, '../../demo/silk-road.html'), 'utf8'), 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.adoptNode(n)));
  const article = findArticle(document);
  if (!article) throw new Error('no article');
  return article;
}

/** A long article of 60 paragraphs of 450 characters, alone in the document. */
function longArticle(): HTMLElement {
  document.body.replaceChildren();
  const article = document.createElement('article');
  for (let i = 0; i < 60; i++) {
    const p = document.createElement('p');
    p.textContent = '丝路花开，中哈友谊'.repeat(50) + i;
    article.append(p);
  }
  document.body.append(article);
  return article;
}

describe('the pinyin layer', () => {
  it('starts with the text on screen, then goes on below, then comes back for the text above', () => {
    const bottoms = [-900, -400, -10, 20, 300, 800, 1500];
    expect(screenFirst(bottoms, (b) => b)).toEqual([20, 300, 800, 1500, -900, -400, -10]);
    expect(screenFirst([5, 10], (b) => b)).toEqual([5, 10]);
    expect(screenFirst([-5, -1], (b) => b)).toEqual([-5, -1]);
    expect(screenFirst([], (b: number) => b)).toEqual([]);
  });

  it('wraps each word, kept on one line, with one ruby per character under its syllable, in chunks, and restores the DOM byte for byte', async () => {
    const article = loadDemo();
    const before = serialize(article);
    const firstText = article.querySelector('h1')?.firstChild;
    const layer = new PinyinLayer(article);
    calls = 0;
    await layer.apply(options());
    expect(calls).toBeGreaterThan(1);
    const words = layerWords(article);
    expect(words.length).toBeGreaterThan(1000);
    expect(words[0]).toEqual({ word: '丝路', columns: ['p1', 'p2'] });
    const first = article.querySelector(`[${RUBY_ATTR}]`) as HTMLElement;
    expect(first.style.whiteSpace).toBe('nowrap');
    expect(article.textContent).not.toBe(before);
    layer.remove();
    expect(serialize(article)).toBe(before);
    // The very same node is back, not a copy.
    expect(article.querySelector('h1')?.firstChild).toBe(firstText);
    // happy-dom is slow with a whole article: allow for a busy machine.
  }, 30_000);

  it('leaves the words the model calls known bare in "unknown" mode and colours syllables by tone', async () => {
    const p = onlyParagraph('丝路花开，中哈友谊');
    const layer = new PinyinLayer(p);
    await layer.apply(options({ mode: 'unknown', bare: (seg) => seg.text === '丝路', toneColors: ['red', 'orange', 'green', 'blue', 'grey'], joinSyllables: true }));
    expect(layerWords(p).map((w) => w.word)).toEqual(['花开', '中哈', '友谊']);
    expect(p.firstChild?.textContent).toBe('丝路');
    // A column per character: its one syllable's colour is its <rt>'s.
    const rts = p.querySelectorAll('rt');
    expect((rts[0] as HTMLElement).style.color).toBe('red');
    expect(p.querySelectorAll('rt span')).toHaveLength(0);
    layer.remove();
    expect(p.childNodes).toHaveLength(1);
    expect(p.textContent).toBe('丝路花开，中哈友谊');
  });

  it('gives a word whose syllables do not match its characters one column, its syllables joined as the style writes them', async () => {
    const p = onlyParagraph('花儿开');
    const erhua = (): Promise<Segment[][]> => Promise.resolve([[{ text: '花儿', start: 0, kind: 'word', pinyin: ['huār'] }, { text: '开', start: 2, kind: 'word', pinyin: ['kāi'] }]]);
    const layer = new PinyinLayer(p);
    await layer.apply(options({ annotate: erhua, joinSyllables: true }));
    expect(layerWords(p)).toEqual([{ word: '花儿', columns: ['huār'] }, { word: '开', columns: ['kāi'] }]);
    layer.remove();
    const tones = ['red', 'orange', 'green', 'blue', 'grey'];
    await layer.apply(options({ annotate: () => Promise.resolve([[{ text: '花儿开', start: 0, kind: 'word', pinyin: ['p1', 'p2'] }]]), toneColors: tones }));
    expect(layerWords(p)).toEqual([{ word: '花儿开', columns: ['p1 p2'] }]);
    // Its syllables keep a colour each.
    expect([...p.querySelectorAll('rt span')].map((s) => (s as HTMLElement).style.color)).toEqual(['red', 'orange']);
    layer.remove();
    expect(p.textContent).toBe('花儿开');
  });

  it('lightens the tone colours on a dark background, and keeps them on a light one', async () => {
    const p = onlyParagraph('中哈');
    const tones = ['#e30000', '#d89000', '#00a000', '#0000e3', '#808080'];
    const colourOn = async (background: readonly [number, number, number]) => {
      const layer = new PinyinLayer(p);
      // p1: the fake syllables carry tone 1.
      await layer.apply(options({ toneColors: tones, backgroundOf: () => background }));
      const colour = (p.querySelector('rt') as HTMLElement).style.color;
      layer.remove();
      return colour;
    };
    expect(await colourOn([255, 255, 255])).toMatch(/^(#e30000|rgb\(227, 0, 0\))$/);
    expect(await colourOn([17, 17, 17])).not.toMatch(/^(#e30000|rgb\(227, 0, 0\))$/);
  });

  it('says its mode on the article: pending while drawing, the mode when done, nothing once removed', async () => {
    const p = onlyParagraph('丝路花开，中哈友谊');
    const layer = new PinyinLayer(p);
    let seen: string | null = null;
    await layer.apply(
      options({
        mode: 'unknown',
        annotate: (paragraphs) => {
          seen = p.getAttribute(LAYER_ATTR);
          return fakeAnnotate(paragraphs);
        },
      }),
    );
    expect(seen).toBe('pending');
    expect(layer.mode).toBe('unknown');
    expect(p.getAttribute(LAYER_ATTR)).toBe('unknown');
    await expect(layer.apply(options({ annotate: () => Promise.reject(new Error('gone')) }))).rejects.toThrow('gone');
    expect(layer.mode).toBe('off');
    expect(p.hasAttribute(LAYER_ATTR)).toBe(false);
    expect(p.textContent).toBe('丝路花开，中哈友谊');
    await layer.apply(options());
    layer.remove();
    expect(p.hasAttribute(LAYER_ATTR)).toBe(false);
  });

  it('skips editable text, and text the page changed while annotation was in flight', async () => {
    document.body.replaceChildren();
    const root = document.createElement('div');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    editable.textContent = '可以编辑的文字';
    const changing = document.createElement('p');
    changing.textContent = '会变的文字';
    root.append(editable, changing);
    document.body.append(root);
    const layer = new PinyinLayer(root);
    await layer.apply(
      options({
        annotate: (paragraphs) => {
          (changing.firstChild as Text).data = '已经变了';
          return fakeAnnotate(paragraphs);
        },
      }),
    );
    expect(root.querySelectorAll(`[${RUBY_ATTR}]`)).toHaveLength(0);
    expect(editable.textContent).toBe('可以编辑的文字');
  });

  it('draws a long article only where the reader is: nothing in idle time, each slice as it comes near the viewport', async () => {
    // 27,000 characters: longer than idle time draws whole.
    const article = longArticle();
    const before = serialize(article);
    let targets: readonly Element[] = [];
    let near: (index: number) => void = () => undefined;
    let watching = false;
    const layer = new PinyinLayer(article);
    await layer.apply(
      options({
        watchNear: (els, report) => {
          targets = els;
          near = (index) => report([{ index, onScreen: false }]);
          watching = true;
          return { stop: () => (watching = false), again: () => undefined };
        },
      }),
    );
    const drawn = () => [...article.children].filter((p) => p.querySelector('ruby')).length;
    expect(article.getAttribute(LAYER_ATTR)).toBe('pending');
    expect(drawn()).toBe(0);
    // The text on screen is reported near first: it is drawn, and idle time adds nothing after it.
    near(0);
    await expect.poll(() => drawn(), { timeout: 20_000 }).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(drawn()).toBeLessThan(60);
    // The reader comes near the last slice: it is drawn.
    const last = targets[targets.length - 1] as Element;
    expect(last.querySelector('ruby')).toBeNull();
    near(targets.length - 1);
    // happy-dom is slow with many nodes: the polls allow for a busy machine.
    await expect.poll(() => last.querySelector('ruby') !== null, { timeout: 20_000 }).toBe(true);
    // Everything comes near: the layer is complete, says its mode, and stops watching.
    targets.forEach((_, i) => near(i));
    await expect.poll(() => article.getAttribute(LAYER_ATTR), { timeout: 20_000 }).toBe('all');
    expect(drawn()).toBe(60);
    expect(watching).toBe(false);
    layer.remove();
    expect(serialize(article)).toBe(before);
  }, 60_000);

  it('draws the text on screen in an update of its own before the text near it, and leaves what the reader jumped away from until they come back', async () => {
    // 27,000 characters (nothing drawn in idle time), two paragraphs a slice.
    const article = longArticle();
    const before = serialize(article);
    const asked: string[][] = [];
    let report: (reports: NearReport[]) => void = () => undefined;
    const watchedAgain: number[] = [];
    const away = new Set<Element>();
    const layer = new PinyinLayer(article);
    await layer.apply(
      options({
        annotate: (paragraphs) => {
          asked.push(paragraphs.map((p) => p.slice(450)));
          return fakeAnnotate(paragraphs);
        },
        watchNear: (_, onReport) => {
          report = onReport;
          return { stop: () => undefined, again: (index) => watchedAgain.push(index) };
        },
        stillNear: (first) => !away.has(first),
      }),
    );
    const drawn = () => [...article.children].flatMap((p, i) => (p.querySelector('ruby') ? [i] : []));
    // A jump lands on slice 3 (paragraphs 6 and 7); slices 2 and 4 are near it.
    report([
      { index: 3, onScreen: true },
      { index: 2, onScreen: false },
      { index: 4, onScreen: false },
    ]);
    await expect.poll(() => drawn(), { timeout: 20_000 }).toEqual([4, 5, 6, 7, 8, 9]);
    expect(asked).toEqual([
      ['6', '7'],
      ['4', '5', '8', '9'],
    ]);
    // Slice 10 comes near, but the reader has jumped away before its pinyin came back: it is not drawn but watched again.
    away.add(article.children[20] as Element);
    report([{ index: 10, onScreen: false }]);
    await expect.poll(() => watchedAgain, { timeout: 20_000 }).toEqual([10]);
    expect(asked.at(-1)).toEqual(['20', '21']);
    expect(drawn()).toEqual([4, 5, 6, 7, 8, 9]);
    // The reader comes back to it: it is drawn.
    away.clear();
    report([{ index: 10, onScreen: true }]);
    await expect.poll(() => drawn(), { timeout: 20_000 }).toEqual([4, 5, 6, 7, 8, 9, 20, 21]);
    layer.remove();
    expect(serialize(article)).toBe(before);
  }, 60_000);

  it('drops chunks still in flight when it is turned off', async () => {
    const article = loadDemo();
    const before = serialize(article);
    const layer = new PinyinLayer(article);
    let release: () => void = () => undefined;
    const done = layer.apply(options({ pause: () => new Promise((resolve) => (release = resolve)) }));
    await new Promise((r) => setTimeout(r, 0));
    layer.remove();
    release();
    await done;
    expect(serialize(article)).toBe(before);
  }, 30_000);
});
