/**
 * The known-word model's store query in Chromium with the built extension: the word states for the sample dispatch's
 * words (`wordStates`, what a page asks when it is read), with 20,000 words marked known and 5,000 saved (each with a
 * card) against the same query on an empty store: asked again with nothing changed, asked first after a change (one
 * word marked), and asked first after the service worker starts; and the popup's first due card with that store
 * against an empty popup. All measured in the same browser in the same run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../scripts/lib/browser';
import { ROOT } from '../scripts/lib/build';
import { stopServiceWorkers } from '../scripts/lib/service-worker';
import { ANNOTATE_PARAGRAPHS } from '../lib/messaging/protocol';
import { newCardFields } from '../lib/store/db';
import { benchExtension } from './extension';
import { popupOpenings } from './store';
import type { BenchSuite } from './suites';
import { percentiles, type BenchRow } from './table';

const KNOWN = 20_000;
const SAVED = 5_000;
// Asks of a few milliseconds on a shared machine: enough of them for a steady median.
const RUNS = 101;
const CHANGES = 21;

/** The dispatch's Chinese text, as short paragraphs (tags stripped: the bench needs its words, not its layout). */
function dispatchParagraphs(): string[] {
  const html = readFileSync(path.join(ROOT, 'demo/silk-road.html'), 'utf8');
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .split(/<[^>]+>/)
    .map((t) => t.trim())
    .filter((t) => /\p{Script=Han}/u.test(t))
    .flatMap((t) => t.match(/[^。！？]+[。！？]?/g) ?? []);
}

/** The distinct headwords the page asks about, annotated by the extension itself. */
async function dispatchWords(page: Page): Promise<string[]> {
  return page.evaluate(
    async ([paragraphs, batch]) => {
      const words = new Set<string>();
      for (let i = 0; i < paragraphs.length; i += batch) {
        const reply = (await chrome.runtime.sendMessage({
          yuedu: 1,
          type: 'annotate',
          payload: { paragraphs: paragraphs.slice(i, i + batch), pinyin: { style: 'marks', sandhi: true } },
        })) as { ok: boolean; value: { paragraphs: { text: string; kind: string; simplified?: string }[][] } };
        if (!reply.ok) throw new Error(JSON.stringify(reply));
        for (const seg of reply.value.paragraphs.flat()) if (seg.kind !== 'other') words.add(seg.simplified ?? seg.text);
      }
      return [...words];
    },
    [dispatchParagraphs(), Math.min(ANNOTATE_PARAGRAPHS, 40)] as const,
  );
}

/** One `wordStates` ask for the dispatch's words, timed from the page. */
const ask = (page: Page, words: string[]): Promise<number> =>
  page.evaluate(async (words) => {
    const t = performance.now();
    const reply = (await chrome.runtime.sendMessage({ yuedu: 1, type: 'wordStates', payload: { words } })) as { ok: boolean };
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    return performance.now() - t;
  }, words);

/** Times `wordStates` for the dispatch's words, asked again and again with nothing changed between. */
async function timeStates(page: Page, words: string[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await ask(page, words));
  return times;
}

const mark = async (page: Page, words: string[], mark: 'known' | 'none') => {
  const reply = (await page.evaluate((payload) => chrome.runtime.sendMessage({ yuedu: 1, type: 'markWords', payload }), { words, mark })) as { ok: boolean };
  if (!reply.ok) throw new Error(JSON.stringify(reply));
};

/**
 * Times the first ask after a change: one word (not on the page) marked known, or its mark taken back, through the
 * extension, as the card's K does; the service worker brings what it holds up to date on the next ask.
 */
async function timeAfterChange(page: Page, words: string[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    await mark(page, ['改'], i % 2 ? 'none' : 'known');
    times.push(await ask(page, words));
  }
  return times;
}

/**
 * Fills the store straight through IndexedDB, behind the service worker's back (stopServiceWorkers then has it read the
 * store): 20,000 known words (a third of the dispatch's words among them) and
 * 5,000 saved words with a due card each (some of the dispatch's words too), as a reader's years would leave it.
 */
async function fill(page: Page, words: string[]): Promise<void> {
  const now = Date.now();
  const known = [...words.filter((_, i) => i % 3 === 0), ...Array.from({ length: KNOWN, }, (_, i) => `知${i}`)].slice(0, KNOWN);
  const savedWords = [...words.filter((_, i) => i % 3 === 1).slice(0, 200), ...Array.from({ length: SAVED }, (_, i) => `存${i}`)].slice(0, SAVED);
  const card = newCardFields(now - 1000);
  await page.evaluate(
    ([known, saved, card, now]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('yuedu');
        req.onsuccess = () => {
          const tx = req.result.transaction(['known', 'words', 'cards'], 'readwrite');
          for (const simplified of known) tx.objectStore('known').put({ simplified, markedAt: now });
          saved.forEach((simplified, i) => {
            const id = i + 1;
            tx.objectStore('words').put({
              id,
              simplified,
              // Every other one written otherwise in traditional characters, as in news text: the answer carries those forms.
              traditional: i % 2 ? simplified : `${simplified}體`,
              pinyin: 'ci2',
              definitions: ['a word'],
              contexts: [],
              savedAt: now,
              updatedAt: now,
              suspended: false,
            });
            tx.objectStore('cards').put({ ...card, id, wordId: id, kind: 'recognize', stability: i % 40, last_review: now - 86_400_000 });
          });
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    [known, savedWords, card, now] as const,
  );
}

export const knownSuite: BenchSuite = {
  name: 'known',
  async run() {
    const b = await launchWithExtension(benchExtension(), { headless: true });
    try {
      const rows: BenchRow[] = [];
      const emptyOpenings = percentiles((await popupOpenings(b, 'empty')).total);
      const page = await b.context.newPage();
      await page.goto(b.extensionUrl('words.html'));
      await page.waitForSelector('[data-testid=no-words]');
      const words = await dispatchWords(page);
      // Each store: the first ask after the worker starts (the store read whole), asks with nothing changed, and the
      // first ask after a change; the empty store's figures are the baselines.
      const measure = async () => {
        await stopServiceWorkers(page);
        const start = await ask(page, words);
        return { start, steady: percentiles(await timeStates(page, words)), change: percentiles(await timeAfterChange(page, words)) };
      };
      const empty = await measure();
      await fill(page, words);
      const full = await measure();
      await page.close();
      const fullOpenings = percentiles((await popupOpenings(b, 'card')).total);
      const row = (metric: string, value: number, baseline: { label: string; value: number }, target?: string) =>
        rows.push({ suite: 'known', metric, value, unit: 'ms', baseline, ...(target ? { target } : {}) });
      const store = `${KNOWN / 1000}k known + ${SAVED / 1000}k saved`;
      row(`word states for the dispatch (${words.length} words), ${store} (p50)`, full.steady.p50, { label: 'empty store p50', value: empty.steady.p50 }, '≈ 1x');
      row('word states for the dispatch (p99)', full.steady.p99, { label: 'empty store p99', value: empty.steady.p99 });
      row(`word states, first ask after a change (one word marked, p50 of ${CHANGES})`, full.change.p50, {
        label: 'empty store p50',
        value: empty.change.p50,
      }, '≈ 1x');
      row('word states, first ask after the service worker starts (the store read whole)', full.start, {
        label: 'empty store',
        value: empty.start,
      });
      row(`popup open → first due card, ${store} (p50)`, fullOpenings.p50, {
        label: 'empty popup p50',
        value: emptyOpenings.p50,
      }, '< empty + 15 ms');
      return rows;
    } finally {
      await b.close();
    }
  },
};
