/**
 * The word store in Chromium with the built extension: save latency (message to the service worker + Dexie
 * transaction + badge) against a raw IndexedDB put of the same record; popup opening with 10,000 words and
 * 100,000 review-log rows against an empty popup; backup import and export against raw IndexedDB reads and writes
 * of the same records. Everything is measured in the same browser in the same run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../scripts/lib/browser';
import { BACKUP_FORMAT, BACKUP_VERSION, serializeBackup, type Backup } from '../lib/store/backup/format';
import { QUEUE, SCHEMA_VERSION, type CardRecord, type FsrsState, type ReviewRecord, type SavedWord } from '../lib/store/db';
import { benchExtension } from './extension';
import type { BenchSuite } from './suites';
import { percentiles, type BenchRow } from './table';

const WORDS = 10_000;
const REVIEWS = 100_000;
const SAVES = 200;
const OPENS = 11;
const DAY = 86_400_000;

/** A learner's year: 10,000 words, each with a card, 10 reviews per card, some cards due now. */
function syntheticBackup(now: number): Backup {
  const words: SavedWord[] = [];
  const cards: CardRecord[] = [];
  const reviews: ReviewRecord[] = [];
  const perCard = REVIEWS / WORDS;
  for (let i = 1; i <= WORDS; i++) {
    const savedAt = now - 365 * DAY + i * 1000;
    words.push({
      id: i,
      simplified: `词${i}`,
      traditional: `詞${i}`,
      pinyin: 'ci2 yu3',
      definitions: [`word number ${i}`, 'a second sense'],
      hsk: (i % 7) + 1,
      contexts: [{ sentence: `这是第${i}个词的例句，来自新闻。`, title: '新华社', url: `https://news.example.cn/${i}.html`, date: savedAt }],
      savedAt,
      updatedAt: savedAt,
      suspended: false,
    });
    const state: FsrsState = {
      due: now + ((i % 50) - 5) * DAY,
      stability: 20,
      difficulty: 5,
      elapsed_days: 10,
      scheduled_days: 20,
      learning_steps: 0,
      reps: perCard,
      lapses: 1,
      state: 2,
      last_review: now - 10 * DAY,
    };
    cards.push({ id: i, wordId: i, kind: 'recognize', queue: QUEUE.scheduled, ...state });
    for (let r = 0; r < perCard; r++) {
      // The state before a review was last reviewed no later than that review (the importer refuses a backup that says otherwise).
      const before = { ...state, last_review: savedAt + Math.max(0, r - 1) * DAY };
      reviews.push({ id: (i - 1) * perCard + r + 1, cardId: i, wordId: i, rating: 1 + (r % 4), review: savedAt + r * DAY, before });
    }
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, schema: SCHEMA_VERSION, exportedAt: now, prefs: { reverseCards: false }, words, cards, reviews, known: [] };
}

const word = (i: number) => ({ simplified: `存${i}`, traditional: `存${i}`, pinyin: 'cun2', definitions: ['to save'], hsk: 3 });
const context = (i: number) => ({ sentence: `第${i}句。`, title: 'bench', url: 'http://127.0.0.1/' });

async function saveLatencies(page: Page): Promise<{ save: number[]; raw: number[]; ping: number[] }> {
  return page.evaluate(
    async ([n, words, contexts]) => {
      const ping: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await chrome.runtime.sendMessage({ yuedu: 1, type: 'ping', payload: { from: 'bench' } });
        ping.push(performance.now() - t);
      }
      const save: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        const reply = (await chrome.runtime.sendMessage({ yuedu: 1, type: 'saveWord', payload: { word: words[i], context: contexts[i] } })) as { ok: boolean };
        if (!reply.ok) throw new Error(JSON.stringify(reply));
        save.push(performance.now() - t);
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('bench-raw-save', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('words', { keyPath: 'id', autoIncrement: true });
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const raw: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('words', 'readwrite');
          tx.objectStore('words').put({ ...words[i], contexts: [contexts[i]], savedAt: Date.now() });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        raw.push(performance.now() - t);
      }
      db.close();
      return { save, raw, ping };
    },
    [SAVES, Array.from({ length: SAVES }, (_, i) => word(i)), Array.from({ length: SAVES }, (_, i) => context(i))] as const,
  );
}

interface Opening {
  /** Navigation start → first card painted. */
  total: number;
  /** DOMContentLoaded (our script has run and asked the store) → first card painted: the store's and render's share. */
  afterLoad: number;
}

/** Opens the popup a few times (the first, warming up, is dropped) and times the first card (or empty state) painted. */
export async function popupOpenings(b: ExtensionBrowser, expect: 'card' | 'empty'): Promise<{ total: number[]; afterLoad: number[] }> {
  const times: Opening[] = [];
  for (let i = 0; i < OPENS; i++) {
    const page = await b.context.newPage();
    await page.goto(b.extensionUrl('popup.html'));
    await page.waitForSelector(expect === 'card' ? '[data-testid=card]' : '[data-testid=empty]');
    await page.waitForFunction(() => performance.getEntriesByName('yuedu:review-ready').length > 0);
    times.push(
      await page.evaluate(() => {
        const ready = performance.getEntriesByName('yuedu:review-ready')[0]?.startTime ?? NaN;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { total: ready, afterLoad: ready - (nav?.domContentLoadedEventEnd ?? NaN) };
      }),
    );
    await page.close();
  }
  const kept = times.slice(1);
  return { total: kept.map((t) => t.total), afterLoad: kept.map((t) => t.afterLoad) };
}

/** Raw IndexedDB: read every store of the word DB (the floor for export), then write them into another DB (import). */
async function rawCopy(page: Page): Promise<{ read: number; write: number }> {
  return page.evaluate(async () => {
    const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
        req.onupgradeneeded = () => upgrade?.(req.result);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const stores = ['words', 'cards', 'reviews', 'known', 'meta'];
    const source = await open('yuedu');
    let t = performance.now();
    const data: Record<string, unknown[]> = {};
    await new Promise<void>((resolve, reject) => {
      const tx = source.transaction(stores);
      for (const s of stores) {
        const req = tx.objectStore(s).getAll();
        req.onsuccess = () => (data[s] = req.result);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    JSON.stringify(data);
    const read = performance.now() - t;
    source.close();
    const target = await open('bench-raw-copy', (db) => {
      for (const s of stores) db.createObjectStore(s, { autoIncrement: true });
    });
    t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = target.transaction(stores, 'readwrite');
      for (const s of stores) for (const row of data[s] ?? []) tx.objectStore(s).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const write = performance.now() - t;
    target.close();
    return { read, write };
  });
}

/** The one step an import cannot slice: JSON.parse of the whole file, timed in the same page on the same file. */
async function parseAlone(page: Page, file: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-parse';
    document.body.append(input);
  });
  await page.setInputFiles('#bench-parse', file);
  return page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('#bench-parse');
    const text = (await input?.files?.[0]?.text()) ?? '';
    input?.remove();
    const t = performance.now();
    JSON.parse(text);
    return performance.now() - t;
  });
}

async function timeTransfer(page: Page, start: () => Promise<unknown>, done: RegExp): Promise<number> {
  const t = Date.now();
  await start();
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-testid=transfer-status]')?.textContent ?? ''), done.source, { timeout: 600_000 });
  return Date.now() - t;
}

export const storeSuite: BenchSuite = {
  name: 'store',
  async run() {
    const b = await launchWithExtension(benchExtension(), { headless: true });
    try {
      const rows: BenchRow[] = [];
      const row = (metric: string, value: number, unit: string, baseline?: { label: string; value: number }, target?: string) =>
        rows.push({ suite: 'store', metric, value, unit, ...(baseline ? { baseline } : {}), ...(target ? { target } : {}) });

      const emptyOpenings = await popupOpenings(b, 'empty');
      const empty = percentiles(emptyOpenings.total);

      const words = await b.context.newPage();
      await words.goto(b.extensionUrl('words.html'));
      await words.waitForSelector('[data-testid=no-words]');
      const saves = await saveLatencies(words);
      const save = percentiles(saves.save);
      const raw = percentiles(saves.raw);
      row('save word p50 (message + transaction)', save.p50, 'ms', { label: 'raw IndexedDB put p50', value: raw.p50 });
      row('save word p50 (message + transaction)', save.p50, 'ms', { label: 'ping message round trip p50', value: percentiles(saves.ping).p50 });
      row('save word p99', save.p99, 'ms', { label: 'raw IndexedDB put p99', value: raw.p99 });

      const text = serializeBackup(syntheticBackup(Date.now()));
      // A file path, not a buffer: playwright sends buffers over the protocol, too slow for tens of megabytes.
      const dir = await mkdtemp(path.join(tmpdir(), 'yuedu-bench-'));
      const file = path.join(dir, 'bench-backup.json');
      await writeFile(file, text);
      await words.reload();
      await words.waitForSelector('[data-testid=word-count]');
      const parseMs = await parseAlone(words, file);
      await words.evaluate(() => {
        const w = window as unknown as { longest: number };
        w.longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
        }).observe({ type: 'longtask' });
      });
      const importMs = await timeTransfer(
        words,
        () => words.setInputFiles('[data-testid=import-json]', file),
        /Imported/,
      );
      const longest = await words.evaluate(() => (window as unknown as { longest: number }).longest);
      const exportMs = await timeTransfer(words, () => words.click('[data-testid=export-json]'), /Exported/);
      const copy = await rawCopy(words);
      await words.close();
      await rm(dir, { recursive: true, force: true });

      const fullOpenings = await popupOpenings(b, 'card');
      const full = percentiles(fullOpenings.total);
      row(`popup open → first card, ${WORDS / 1000}k words + ${REVIEWS / 1000}k reviews (p50)`, full.p50, 'ms', { label: 'empty popup p50', value: empty.p50 }, '< 100 ms');
      row('popup open → first card (worst)', full.p99, 'ms', { label: 'empty popup worst', value: empty.p99 }, '< 100 ms');
      row(
        'page loaded → first card (store query + render, p50)',
        percentiles(fullOpenings.afterLoad).p50,
        'ms',
        { label: 'empty popup p50', value: percentiles(emptyOpenings.afterLoad).p50 },
      );
      row(`import backup (${(text.length / 1e6).toFixed(0)} MB JSON, in the word list)`, importMs, 'ms', { label: 'raw IndexedDB put of the same rows', value: copy.write });
      row('import backup: longest main-thread task (the page stays responsive)', longest, 'ms', { label: 'JSON.parse of the same file alone', value: parseMs }, '≤ 1.2x');
      row('export backup (word list → download)', exportMs, 'ms', { label: 'raw IndexedDB getAll + JSON.stringify', value: copy.read });
      return rows;
    } finally {
      await b.close();
    }
  },
};
