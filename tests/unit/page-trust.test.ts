// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { runCommand, type CommandTarget } from '../../content/hover/commands';
import type { Shown, WordCard } from '../../content/hover/word-card';
import { onRealInvalidation } from '../../content/invalidation';
import { pageAddress, type FrameWindow } from '../../content/page-address';

function target() {
  const calls: string[] = [];
  const card = { hide: () => calls.push('hide'), refresh: (s: string) => calls.push(`refresh ${s}`) } as unknown as WordCard;
  const t: CommandTarget = {
    doc: { title: 't', location: { href: 'https://example.com/' } } as unknown as Document,
    card,
    lookup: async () => [],
    showAt: async () => true,
    save: async () => {
      calls.push('save');
      return { created: true };
    },
    sendToAnki: async () => {
      calls.push('anki');
      return { noteId: 1 };
    },
    speak: async () => {
      calls.push('speak');
      return 'spoken';
    },
    correct: async (action) => {
      calls.push(`correct ${action}`);
      return { applied: null, removed: 0 };
    },
    known: {
      stateOf: () => undefined,
      learn: async () => undefined,
      toggle: async (word) => {
        calls.push(`known ${word}`);
        return 'known';
      },
    },
  };
  return { t, calls };
}

const entry = { simplified: '峰会', traditional: '峰會', readings: [{ pinyin: 'feng1 hui4', definitions: ['summit'] }] };
function shownOn(sentence: string): Shown {
  const p = document.createElement('p');
  p.textContent = sentence;
  document.body.replaceChildren(p);
  const point = { node: p.firstChild as Text, offset: 0 };
  return { matches: [{ text: '峰会', entries: [entry] }], point, text: { before: '', run: { text: sentence, points: [point] } } } as unknown as Shown;
}

describe('keys from the page\'s own script', () => {
  it('never save, mark known or copy: s, k and c dispatched by a script are not ours and run nothing', () => {
    const { t, calls } = target();
    const shown = shownOn('峰会举行。');
    for (const key of ['s', 'S', 'k', 'c', 'C']) expect(runCommand(key, false, shown, t)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('never correct a word: r, j, x and u dispatched by a script run nothing, the reader\'s own do', async () => {
    const { t, calls } = target();
    const shown = shownOn('峰会举行。');
    for (const key of ['r', 'j', 'x', 'u']) expect(runCommand(key, false, shown, t)).toBe(false);
    expect(calls).toEqual([]);
    for (const key of ['r', 'j', 'x', 'u']) expect(runCommand(key, true, shown, t)).toBe(true);
    await expect.poll(() => calls.filter((c) => c.startsWith('correct'))).toEqual(['correct reading', 'correct join', 'correct split', 'correct undo']);
  });

  it('the reader\'s own k turns the word\'s state over and says so on the card', async () => {
    const { t, calls } = target();
    expect(runCommand('k', true, shownOn('峰会举行。'), t)).toBe(true);
    await expect.poll(() => calls).toEqual(['known 峰会', 'refresh 峰会 marked known (k again takes it back)']);
  });

  it('the reader\'s own s saves, and a scripted Esc may still close the card', async () => {
    const { t, calls } = target();
    const shown = shownOn('峰会举行。');
    expect(runCommand('s', true, shown, t)).toBe(true);
    expect(runCommand('Escape', false, shown, t)).toBe(true);
    await expect.poll(() => calls).toContain('save');
    expect(calls).toContain('hide');
  });
});

/** A frame tree: each level's address, top first; `opaque` levels throw on reading (another origin). */
function frames(levels: { href: string; opaque?: boolean }[], referrer = ''): FrameWindow {
  let parent: FrameWindow | null = null;
  for (const level of levels) {
    const win: { parent: FrameWindow; location: { href: string }; document: { referrer: string } } = {
      parent: parent as unknown as FrameWindow,
      location: level.opaque ? { get href(): string { throw new DOMException('cross-origin', 'SecurityError'); } } : { href: level.href },
      document: { referrer },
    };
    if (!parent) win.parent = win;
    parent = win;
  }
  return parent as FrameWindow;
}

describe('the address a word is saved under', () => {
  it('is the page\'s own web address', () => {
    expect(pageAddress(frames([{ href: 'https://news.cn/a.html' }]))).toBe('https://news.cn/a.html');
  });

  it('in an about:srcdoc or about:blank frame, the nearest ancestor with a web address', () => {
    expect(pageAddress(frames([{ href: 'https://news.cn/a.html' }, { href: 'about:srcdoc' }]))).toBe('https://news.cn/a.html');
    expect(pageAddress(frames([{ href: 'http://x.cn/' }, { href: 'about:blank' }, { href: 'about:srcdoc' }]))).toBe('http://x.cn/');
  });

  it('behind an ancestor of another origin, the frame\'s referrer, else its own address', () => {
    expect(pageAddress(frames([{ href: '', opaque: true }, { href: 'about:blank' }], 'https://ads.example/'))).toBe('https://ads.example/');
    expect(pageAddress(frames([{ href: '', opaque: true }, { href: 'about:blank' }]))).toBe('about:blank');
  });
});

describe('stopping the content script', () => {
  function harness() {
    let invalidated = () => {};
    let announced = () => {};
    const state = { alive: true, stops: 0, listening: false };
    onRealInvalidation(
      { onInvalidated: (cb) => (invalidated = cb) },
      {
        alive: () => state.alive,
        listenForNewer: (heard) => {
          announced = heard;
          state.listening = true;
          return () => (state.listening = false);
        },
      },
      () => state.stops++,
    );
    return { state, invalidate: () => invalidated(), announce: () => announced() };
  }

  it('ignores an invalidation while the extension is alive: a page replaying the start announcement', () => {
    const h = harness();
    h.invalidate();
    h.announce();
    expect(h.state.stops).toBe(0);
  });

  it('stops once when the extension is gone, whether told by the context or by a newer copy after a replay', () => {
    const h = harness();
    h.invalidate();
    h.state.alive = false;
    h.announce();
    h.invalidate();
    expect(h.state.stops).toBe(1);
    expect(h.state.listening).toBe(false);
  });
});
