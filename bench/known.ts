/**
 * The known-word model's store query in Chromium with the built extension: the word states for the sample dispatch's
 * words (`wordStates`, what a page asks when it is read), with 20,000 words marked known and 5,000 saved (each with a
 * sentence and a reviewed card) against the same query on an empty store: asked again with nothing changed, asked first
 * after a change (one word marked), and asked first after the service worker starts; and the popup's first due card
 * with that store against the popup's card with a store of one word (an empty store shows no card). The two stores
 * are in two browsers started side by side, and each ask to one is followed by the same ask to the other (in turns,
 * which one first), so a busy machine slows both alike.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../scripts/lib/browser';
import { ROOT } from '../scripts/lib/build';
import { stopServiceWorkers } from '../scripts/lib/service-worker';
import { ANNOTATE_PARAGRAPHS } from '../lib/messaging/protocol';
import { BACKUP_FORMAT, BACKUP_VERSION, serializeBackup, type Backup } from '../lib/store/backup/format';
import { QUEUE, SCHEMA_VERSION, type CardRecord, type SavedWord } from '../lib/store/db';
import { benchExtension } from './extension';
import { popupOpenings } from './store';
import type { BenchSuite } from './suites';
import { percentiles, type BenchRow } from './table';

const KNOWN = 20_000;
const SAVED = 5_000;
const DAY = 86_400_000;
// Asks of a few milliseconds on a shared machine: enough of them for a steady median.
const RUNS = 101;
const CHANGES = 21;
const STARTS = 9;
/**
 * When a page asks for its words' states after the message that woke the worker: the read-ahead asks as the content
 * script starts, the states once the article is marked (100–170 ms on the dispatch, bench reading) and drawn.
 */
const PAGE_ASKS_AFTER_MS = 100;

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

const mark = async (page: Page, words: string[], mark: 'known' | 'none') => {
  const reply = (await page.evaluate((payload) => chrome.runtime.sendMessage({ yuedu: 1, type: 'markWords', payload }), { words, mark })) as { ok: boolean };
  if (!reply.ok) throw new Error(JSON.stringify(reply));
};

/**
 * A reader's years, as their backup would bring them: 20,000 known words (a third of the dispatch's words among them)
 * and 5,000 saved words (some of the dispatch's words too), each with the sentence it was saved from and a recognition
 * card reviewed two days ago, of every stability from 1 to 40 days (half of them past the default threshold of 21) and
 * due as its stability says (one in twenty by now).
 */
function readersBackup(words: string[], now: number): Backup {
  const known = [...words.filter((_, i) => i % 3 === 0), ...Array.from({ length: KNOWN }, (_, i) => `知${i}`)].slice(0, KNOWN);
  const saved = [...words.filter((_, i) => i % 3 === 1).slice(0, 200), ...Array.from({ length: SAVED }, (_, i) => `存${i}`)].slice(0, SAVED);
  const savedAt = now - 30 * DAY;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema: SCHEMA_VERSION,
    exportedAt: now,
    prefs: { reverseCards: false },
    known: known.map((simplified) => ({ simplified, markedAt: savedAt })),
    words: saved.map(
      (simplified, i): SavedWord => ({
        id: i + 1,
        simplified,
        // Every other one written otherwise in traditional characters, as in news text: the answer carries those forms.
        traditional: i % 2 ? simplified : `${simplified}體`,
        pinyin: 'ci2',
        definitions: ['a word', 'another sense of it'],
        contexts: [{ sentence: `这是第${i}个词的例句，来自一篇关于丝绸之路经济带和共建“一带一路”倡议的新闻报道。`, title: '新华社', url: `https://news.example.cn/${i}.html`, date: savedAt }],
        savedAt,
        updatedAt: savedAt,
        suspended: false,
      }),
    ),
    cards: saved.map(
      (_, i): CardRecord => {
        const stability = 1 + (i % 40);
        return {
          id: i + 1,
          wordId: i + 1,
          kind: 'recognize',
          queue: QUEUE.scheduled,
          due: now - 2 * DAY + stability * DAY,
          stability,
          difficulty: 5,
          elapsed_days: 2,
          scheduled_days: stability,
          learning_steps: 0,
          reps: 3,
          lapses: 0,
          state: 2,
          last_review: now - 2 * DAY,
        };
      },
    ),
    reviews: [],
  };
}

/** A store of one saved word whose card is due: the popup opens on a card, as with the reader's store. */
function oneWordBackup(now: number): Backup {
  const full = readersBackup(['峰会'], now);
  const card = full.cards[0] as CardRecord;
  return { ...full, known: [], words: full.words.slice(0, 1), cards: [{ ...card, due: now - DAY }] };
}

/** Imports a store through the word list, as a reader would (the extension writes every row itself). */
async function fill(b: ExtensionBrowser, backup: Backup): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yuedu-bench-'));
  try {
    const file = path.join(dir, 'known-backup.json');
    await writeFile(file, serializeBackup(backup));
    const page = await b.context.newPage();
    await page.goto(b.extensionUrl('words.html'));
    await page.waitForSelector('[data-testid=no-words]');
    await page.setInputFiles('[data-testid=import-json]', file);
    await page.waitForFunction(() => /Imported/.test(document.querySelector('[data-testid=transfer-status]')?.textContent ?? ''), null, { timeout: 600_000 });
    await page.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A store, in its own browser, and the extension page that asks. */
interface Side {
  b: ExtensionBrowser;
  page: Page;
}

/** `sample` on both sides, `n` times, the side that goes first taking turns: the samples of each side. */
async function inTurns<T = number>(sides: [Side, Side], n: number, sample: (side: Side, i: number) => Promise<T>): Promise<[T[], T[]]> {
  const times: [T[], T[]] = [[], []];
  for (let i = 0; i < n; i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) times[k as 0 | 1].push(await sample(sides[k as 0 | 1], i));
  }
  return times;
}

export const knownSuite: BenchSuite = {
  name: 'known',
  async run() {
    const opened: ExtensionBrowser[] = [];
    try {
      const open = async (): Promise<Side> => {
        const b = await launchWithExtension(benchExtension(), { headless: true });
        opened.push(b);
        const page = await b.context.newPage();
        // A page that holds no connection to the store: as after a pause, only the worker opens it.
        await page.goto(b.extensionUrl('options.html'));
        return { b, page };
      };
      const empty = await open();
      const full = await open();
      const sides: [Side, Side] = [empty, full];
      const words = await dispatchWords(empty.page);
      await fill(full.b, readersBackup(words, Date.now()));
      // The first ask after the worker starts (the store read whole)…
      const [emptyStart, fullStart] = await inTurns(sides, STARTS, async ({ page }) => {
        await stopServiceWorkers(page);
        return ask(page, words);
      });
      // …the same as a page asks it: the worker woken by the page's first lookup (a ping here), the words' states asked
      // once the page has found its article, some PAGE_ASKS_AFTER_MS later…
      const [emptyWoken, fullWoken] = await inTurns(sides, STARTS, async ({ page }) => {
        await stopServiceWorkers(page);
        await page.evaluate(() => chrome.runtime.sendMessage({ yuedu: 1, type: 'ping', payload: {} }));
        await page.waitForTimeout(PAGE_ASKS_AFTER_MS);
        return ask(page, words);
      });
      // …asks with nothing changed…
      const [emptySteady, fullSteady] = await inTurns(sides, RUNS, ({ page }) => ask(page, words));
      // …and the first ask after a change: one word (not on the page) marked known or its mark taken back, through the
      // extension, as the card's K does; the service worker brings what it holds up to date on the next ask.
      const [emptyChange, fullChange] = await inTurns(sides, CHANGES, async ({ page }, i) => {
        await mark(page, ['改'], i % 2 ? 'none' : 'known');
        return ask(page, words);
      });
      const emptyOpenings = percentiles((await popupOpenings(empty.b, 'empty')).total);
      // The popup on a card with the reader's store, against the popup on a card with a store of one word: an empty
      // store shows no card, so against it the card's own drawing would count as the store's cost.
      await fill(empty.b, oneWordBackup(Date.now()));
      const [oneCard, fullCard] = await inTurns(sides, 3, async ({ b }) => (await popupOpenings(b, 'card')).total);
      const [oneOpenings, fullOpenings] = [percentiles(oneCard.flat()), percentiles(fullCard.flat())];
      const rows: BenchRow[] = [];
      const row = (metric: string, value: number, baseline: { label: string; value: number }, target?: string) =>
        rows.push({ suite: 'known', metric, value, unit: 'ms', baseline, ...(target ? { target } : {}) });
      const store = `${KNOWN / 1000}k known + ${SAVED / 1000}k saved`;
      const [steady, steadyEmpty] = [percentiles(fullSteady), percentiles(emptySteady)];
      row(`word states for the dispatch (${words.length} words), ${store} (p50 of ${RUNS})`, steady.p50, { label: 'empty store p50', value: steadyEmpty.p50 }, '≈ 1x');
      row('word states for the dispatch (p99)', steady.p99, { label: 'empty store p99', value: steadyEmpty.p99 });
      row(`word states, first ask after a change (one word marked, p50 of ${CHANGES})`, percentiles(fullChange).p50, {
        label: 'empty store p50',
        value: percentiles(emptyChange).p50,
      }, '≈ 1x');
      row(`word states, first ask after the service worker starts (p50 of ${STARTS})`, percentiles(fullStart).p50, {
        label: 'empty store p50',
        value: percentiles(emptyStart).p50,
      }, '≈ 1x');
      row(`word states, first ask ${PAGE_ASKS_AFTER_MS} ms after a ping started the worker, as on a page (p50 of ${STARTS})`, percentiles(fullWoken).p50, {
        label: 'empty store p50',
        value: percentiles(emptyWoken).p50,
      }, '≈ 1x');
      row(`popup open → first due card, ${store} (p50)`, fullOpenings.p50, { label: 'one word due p50', value: oneOpenings.p50 }, '< one word + 15 ms');
      row('popup open → first due card, one word due (p50)', oneOpenings.p50, { label: 'empty store (no card) p50', value: emptyOpenings.p50 });
      return rows;
    } finally {
      for (const b of opened) await b.close();
    }
  },
};
