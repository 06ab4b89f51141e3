// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { firstChinese, isHan } from '../../content/chinese';
import { HoverController, type HoverDeps } from '../../content/hover/controller';
import { lookupWindow, readAt } from '../../content/hover/lookup-window';
import { collectText, type TextPoint } from '../../content/text-at-point';
import type { LookupMatch } from '../../dictionary/types';
import type { LookupWindow } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { readPage } from './support/fixture-pages';

/** The Xinhua fixture page in the window's own document (happy-dom's Ranges only work there). */
function xinhuaPage(): Document {
  const parsed = new DOMParser().parseFromString(readPage('xinhuanet'), 'text/html');
  for (const junk of parsed.querySelectorAll('script, style, link, iframe, img')) junk.remove();
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.adoptNode(n)));
  return document;
}

/** A stand-in dictionary: every window starts with a two-character word. */
function matchesOf({ text, pos = 0 }: LookupWindow): LookupMatch[] {
  const word = text.slice(pos, pos + 2);
  return [{ text: word, entries: [{ simplified: word, traditional: word, readings: [], source: 'cedict' }] }];
}

/** One string per window, to compare what was asked. */
const asString = ({ text, pos }: LookupWindow) => `${pos ?? 0}|${text}`;

/** Records what the controller asks of the service worker; idle work runs only when the test says so. */
function fakeDeps(opts: { failBatch?: boolean; holdBatch?: Promise<void> } = {}) {
  const asked = { single: [] as string[], batches: [] as string[][] };
  const idle: (() => void)[] = [];
  const deps: HoverDeps = {
    lookup: (window) => {
      asked.single.push(asString(window));
      return Promise.resolve(matchesOf(window));
    },
    lookupMany: (windows) => {
      asked.batches.push(windows.map(asString));
      if (opts.failBatch) return Promise.reject(new Error('service worker gone'));
      return (opts.holdBatch ?? Promise.resolve()).then(() => windows.map(matchesOf));
    },
    save: () => Promise.resolve({ created: true }),
    sendToAnki: () => Promise.resolve({ noteId: 1 }),
    correct: () => Promise.resolve({ applied: null, removed: 0 }),
    settings: () => DEFAULT_SETTINGS,
    idle: (run) => idle.push(run),
  };
  const runIdle = async () => {
    for (let run = idle.shift(); run; run = idle.shift()) run();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { deps, asked, runIdle };
}

/** The Han characters of the page from `start` on, as points, in reading order. */
function hanPoints(start: TextPoint, count: number): TextPoint[] {
  return collectText(start, count * 2).points.filter((p) => isHan(p.node.data[p.offset])).slice(0, count);
}

describe('what a hover looks up', () => {
  it('is the text from the pointer with the readable character before it, across elements', () => {
    const p = document.createElement('p');
    const name = document.createElement('b');
    name.textContent = '卡耶夫';
    p.append('总统托', name, '邀请');
    document.body.replaceChildren(p);
    const inName = { node: name.firstChild as Text, offset: 0 };
    expect(lookupWindow(readAt(inName))).toEqual({ text: '托卡耶夫邀请', pos: 1 });
    const whole = readAt({ node: p.firstChild as Text, offset: 0 });
    expect(lookupWindow(whole)).toEqual({ text: '总统托卡耶夫邀请', pos: 0 });
    // A window derived inside one read is the window read at that point: 卡 is the fourth character.
    expect(lookupWindow(whole, 3)).toEqual(lookupWindow(readAt(inName)));
  });
});

describe('reading ahead of the hover card', () => {
  it('looks up the next words of the page in one message, with the windows a hover there would send', async () => {
    const doc = xinhuaPage();
    const start = firstChinese(doc.body);
    if (!start) throw new Error('no Chinese on the fixture page');
    const { deps, asked, runIdle } = fakeDeps();
    const hover = new HoverController(doc, deps);

    expect(await hover.showAt(start)).toBe(true);
    expect(asked.single).toEqual([asString(lookupWindow(readAt(start)))]);
    await runIdle();
    expect(asked.batches).toHaveLength(1);
    const batch = new Set(asked.batches[0]);
    // Every word within reach of the read-ahead is in the batch, as the very window a hover on it would send.
    const ahead = hanPoints(start, 150).slice(1);
    for (const point of ahead) expect(batch.has(asString(lookupWindow(readAt(point))))).toBe(true);

    // Hovers over the next words are answered from memory: no message, and no new read-ahead for a few words.
    for (const point of ahead.slice(0, 20)) expect(await hover.showAt(point)).toBe(true);
    await runIdle();
    expect(asked.single).toHaveLength(1);
    expect(asked.batches).toHaveLength(1);

    // Further on, the next stretch is read ahead in one more message, without the windows already known.
    const far = ahead[140] as TextPoint;
    await hover.showAt(far);
    await runIdle();
    expect(asked.single).toHaveLength(1);
    expect(asked.batches).toHaveLength(2);
    expect(asked.batches[1]?.some((text) => batch.has(text))).toBe(false);
    hover.stop();
  });

  it('asks again, one word at a time, for what a failed read-ahead did not bring', async () => {
    const doc = xinhuaPage();
    const start = firstChinese(doc.body) as TextPoint;
    const { deps, asked, runIdle } = fakeDeps({ failBatch: true });
    const hover = new HoverController(doc, deps);
    hover.readAhead(start);
    await runIdle();
    expect(asked.batches).toHaveLength(1);
    const next = hanPoints(start, 2)[1] as TextPoint;
    expect(await hover.showAt(next)).toBe(true);
    expect(asked.single).toEqual([asString(lookupWindow(readAt(next)))]);
    hover.stop();
  });

  it('asks on its own for a word whose read-ahead has not answered yet, and takes the first answer', async () => {
    const doc = xinhuaPage();
    const start = firstChinese(doc.body) as TextPoint;
    let release = () => {};
    const { deps, asked, runIdle } = fakeDeps({ holdBatch: new Promise((r) => (release = r)) });
    const hover = new HoverController(doc, deps);
    hover.readAhead(start);
    await runIdle();
    expect(asked.batches).toHaveLength(1);
    // The batch is held (a cold worker still loading its whole dictionary): the hover does not wait for it.
    const [, next, after] = hanPoints(start, 3) as TextPoint[];
    expect(await hover.showAt(next as TextPoint)).toBe(true);
    expect(asked.single).toEqual([asString(lookupWindow(readAt(next as TextPoint)))]);
    // Once the batch has answered, its words come from memory again.
    release();
    await runIdle();
    expect(await hover.showAt(after as TextPoint)).toBe(true);
    expect(await hover.showAt(next as TextPoint)).toBe(true);
    expect(asked.single).toHaveLength(1);
    hover.stop();
  });
});
