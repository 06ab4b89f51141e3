/**
 * The known-word model's store query in Chromium with the built extension: the word states for the sample dispatch's
 * words (`wordStates`, what a page asks when it is read), with 20,000 words marked known and 5,000 saved (each with a
 * card) against the same query on an empty store; and the popup's first due card with that store against an empty
 * popup. Both measured in the same browser in the same run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../scripts/lib/browser';
import { ROOT } from '../scripts/lib/build';
import { ANNOTATE_PARAGRAPHS } from '../lib/messaging/protocol';
import { newCardFields } from '../lib/store/db';
import { benchExtension } from './extension';
import { popupOpenings } from './store';
import type { BenchSuite } from './suites';
import { percentiles, type BenchRow } from './table';

const KNOWN = 20_000;
const SAVED = 5_000;
const RUNS = 21;

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

/**
 * Times `wordStates` for the dispatch's words. The first ask after a change reads the marked and saved headwords
 * again (lib/store/known.ts holds them); the others answer from them: the two are reported apart.
 */
async function timeStates(page: Page, words: string[]): Promise<{ first: number; rest: number[] }> {
  return page.evaluate(
    async ([words, runs]) => {
      const times: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const t = performance.now();
        const reply = (await chrome.runtime.sendMessage({ yuedu: 1, type: 'wordStates', payload: { words } })) as { ok: boolean };
        if (!reply.ok) throw new Error(JSON.stringify(reply));
        times.push(performance.now() - t);
      }
      return { first: times[0] ?? NaN, rest: times.slice(1) };
    },
    [words, RUNS] as const,
  );
}

/**
 * Fills the store straight through IndexedDB (then one mark through the extension, so that the service worker reads
 * the store again, as after any change made in a page): 20,000 known words (a third of the dispatch's words among them) and
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
              traditional: simplified,
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
  const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ yuedu: 1, type: 'markWords', payload: { words: ['知0'], mark: 'known' } }))) as { ok: boolean };
  if (!reply.ok) throw new Error(JSON.stringify(reply));
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
      const emptyTimes = await timeStates(page, words);
      await fill(page, words);
      const fullTimes = await timeStates(page, words);
      const [empty, full] = [percentiles(emptyTimes.rest), percentiles(fullTimes.rest)];
      await page.close();
      const fullOpenings = percentiles((await popupOpenings(b, 'card')).total);
      const row = (metric: string, value: number, baseline: { label: string; value: number }, target?: string) =>
        rows.push({ suite: 'known', metric, value, unit: 'ms', baseline, ...(target ? { target } : {}) });
      row(`word states for the dispatch (${words.length} words), ${KNOWN / 1000}k known + ${SAVED / 1000}k saved (p50)`, full.p50, {
        label: 'empty store p50',
        value: empty.p50,
      }, '≈ 1x');
      row('word states for the dispatch (p99)', full.p99, { label: 'empty store p99', value: empty.p99 });
      row('word states, first ask after a change (the held headwords read again)', fullTimes.first, {
        label: 'empty store, first ask',
        value: emptyTimes.first,
      });
      row(`popup open → first due card, ${KNOWN / 1000}k known + ${SAVED / 1000}k saved (p50)`, fullOpenings.p50, {
        label: 'empty popup p50',
        value: emptyOpenings.p50,
      }, '< empty + 15 ms');
      return rows;
    } finally {
      await b.close();
    }
  },
};
