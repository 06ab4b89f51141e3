// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hasChinese } from '../../content/chinese';
import { PageSession, type Reading } from '../../content/page-session';

/** A session over the window's document with a hand-driven observer, counting the readings it starts and stops. */
function session() {
  document.body.replaceChildren();
  const log = { reads: 0, stops: 0, added: [] as Node[][], observing: false };
  let deliver: ((nodes: Node[]) => void) | null = null;
  const s = new PageSession<Reading>({
    root: () => document.body,
    hasChinese,
    observe: (_root, onAdded) => {
      log.observing = true;
      deliver = onAdded;
      return () => {
        log.observing = false;
        deliver = null;
      };
    },
    read: () => {
      log.reads++;
      return { added: (nodes) => log.added.push(nodes), stop: () => log.stops++ };
    },
  });
  const add = (text: string) => {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
    deliver?.([p]);
    return p;
  };
  return { s, log, add, report: (nodes: Node[]) => deliver?.(nodes) };
}

describe('the page session', () => {
  it('starts off, reads at once a page with Chinese, and stops everything when switched off', () => {
    const { s, log } = session();
    expect(s.state).toBe('off');
    document.body.textContent = '中吉合作大有可为';
    s.follow(true);
    expect(s.state).toBe('reading');
    expect(log).toMatchObject({ reads: 1, observing: true });
    s.follow(true);
    expect(log.reads).toBe(1);
    s.follow(false);
    expect(s.state).toBe('off');
    expect(s.reading).toBeNull();
    expect(log).toMatchObject({ stops: 1, observing: false });
    s.follow(false);
    expect(log.stops).toBe(1);
  });

  it('waits cheaply on a page without Chinese, and reads once Chinese text is added', () => {
    const { s, log, add } = session();
    document.body.textContent = 'English only';
    s.follow(true);
    expect(s.state).toBe('waiting');
    add('still English');
    expect(s.state).toBe('waiting');
    const code = document.createElement('script');
    code.textContent = 'var s = "中文"';
    document.body.append(code);
    expect(log.reads).toBe(0);
    const woke = add('新加载的段落');
    expect(s.state).toBe('reading');
    expect(log.reads).toBe(1);
    // The text that woke the page is read by the first read; later text is handed to the reading.
    expect(log.added).toEqual([]);
    const later = add('峰会');
    expect(log.added).toEqual([[later]]);
    expect(woke.isConnected).toBe(true);
  });

  it('wakes on text that changed in place, and goes back to off from waiting without a reading to stop', () => {
    const { s, log, add, report } = session();
    s.follow(true);
    expect(s.state).toBe('waiting');
    s.follow(false);
    expect(log).toMatchObject({ stops: 0, observing: false });
    s.follow(true);
    const p = add('loading');
    const text = p.firstChild as Text;
    text.data = '加载完毕';
    expect(s.state).toBe('waiting');
    // What the observer reports for a text change is the text node itself.
    report([text]);
    expect(s.state).toBe('reading');
  });
});
