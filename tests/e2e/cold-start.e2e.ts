/**
 * A hover's lookup on a cold service worker, end to end in Chromium: before the whole dictionary has loaded, the worker
 * answers from the packaged shards, exactly as the whole dictionary answers. Shown with an extension whose whole
 * dictionary is missing, so that no answer can come from it: the hover's lookups still come back, the read-ahead's
 * batch is refused. And a worker stopped while the reader is at a page is started again by the reader's movement
 * (content/wake-worker.ts), before the pointer reaches a word. The article, though, is the page's own work: it is
 * marked while the worker, paused in the debugger, answers nothing. And while the worker holds a hover's lookup
 * unanswered, the page answers it itself (content/hover/own-lookup.ts), with the word's own card; but not on a site
 * with the reader's corrections, which only the worker applies.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { pauseServiceWorker, stopServiceWorkers } from '../../scripts/lib/service-worker';
import { pointAt, readCard } from '../../scripts/lib/page';
import { CORRECTED_SITES } from '../../lib/corrected-sites';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { PING_EVERY_MS } from '../../content/wake-worker';
import { DEMO_DIR, EXTENSION_DIR } from './support/paths';
import { copyHoldingLookups, RELEASE } from './support/hold-lookups';

/** Hover windows: a glossary phrase, a form of one behind a qualifier, a name, traditional text, full-width letters. */
const WINDOWS = [
  { text: '的命运共同体理念深入人心', pos: 1 },
  { text: '推动构建人类命运共同体。', pos: 0 },
  { text: '会见托卡耶夫总统', pos: 2 },
  { text: '峰會上的講話', pos: 0 },
  { text: 'ＡＰＥＣ会议', pos: 0 },
];

/** A request as the content script sends it, from an extension page. */
const ask = (page: Page, type: 'lookup' | 'lookupMany', payload: object) =>
  page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ yuedu: 1, type, payload: { ...payload, site: '' } }), [type, payload] as const);

/** Whether the extension's service worker runs, as the browser reports it (through the page's DevTools session). */
async function watchWorker(page: Page): Promise<{ running: () => boolean }> {
  const cdp = await page.context().newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return { running: () => [...status.values()].some((s) => s !== 'stopped') };
}

describe('the first lookups of a cold service worker', () => {
  let whole: ExtensionBrowser;
  let shardsOnly: ExtensionBrowser;
  let held: ExtensionBrowser;
  let copy: string;
  let heldCopy: string;
  let server: StaticServer;

  beforeAll(async () => {
    copy = await mkdtemp(path.join(tmpdir(), 'yuedu-shards-only-'));
    await cp(EXTENSION_DIR, copy, { recursive: true });
    await rm(path.join(copy, 'dictionary.bin.gz'));
    heldCopy = await copyHoldingLookups(EXTENSION_DIR);
    [whole, shardsOnly, held, server] = await Promise.all([
      launchWithExtension(EXTENSION_DIR, { headless: true }),
      launchWithExtension(copy, { headless: true }),
      launchWithExtension(heldCopy, { headless: true }),
      startStaticServer({ '/': DEMO_DIR }),
    ]);
  });

  afterAll(async () => {
    // The browsers first: the server waits for their connections to close.
    await Promise.all([whole?.close(), shardsOnly?.close(), held?.close()]);
    await server?.close();
    await Promise.all([rm(copy, { recursive: true, force: true }), rm(heldCopy, { recursive: true, force: true })]);
  });

  it('come from the shards, as the whole dictionary answers them', async () => {
    const page = await whole.context.newPage();
    await page.goto(whole.extensionUrl('popup.html'));
    const cold = await shardsOnly.context.newPage();
    await cold.goto(shardsOnly.extensionUrl('popup.html'));
    for (const window of WINDOWS) {
      // Stopped before each, as Chromium stops an idle worker: each lookup is a cold worker's first.
      await stopServiceWorkers(cold);
      const answer = await ask(cold, 'lookup', window);
      expect(answer, window.text).toEqual(await ask(page, 'lookup', window));
      expect((answer as { value?: { matches: unknown[] } }).value?.matches.length, window.text).toBeGreaterThan(0);
    }
    // Without the whole dictionary a read-ahead has no answer: the lookups above could only come from the shards.
    expect(await ask(cold, 'lookupMany', { windows: WINDOWS })).toMatchObject({ ok: false });
  });

  it('is started by the reader’s first movement on a page, before any word is pointed at, and not by a script’s input', async () => {
    const page = await whole.context.newPage();
    try {
      await page.goto(server.url('/silk-road.html'));
      await page.waitForSelector('[data-yuedu-article]');
      // Down the left margin, where there is no text: no hover, no lookup; only the reader's movement.
      const moveInMargin = async () => {
        await page.mouse.move(10, 200);
        await page.mouse.move(50, 500, { steps: 8 });
      };
      // The reader's first input has the page ask for what it shows once the reader is there (the saved words); the
      // page's own first asks are answered before the worker is stopped.
      await moveInMargin();
      await page.waitForTimeout(1500);
      await stopServiceWorkers(page);
      // The reader's input pings at most once in this interval: the next movement may ping again.
      await page.waitForTimeout(PING_EVERY_MS);
      const worker = await watchWorker(page);
      expect(worker.running()).toBe(false);
      await page.evaluate(() => {
        window.dispatchEvent(new PointerEvent('pointermove', { clientX: 20, clientY: 300 }));
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k' }));
      });
      await page.waitForTimeout(500);
      expect(worker.running()).toBe(false);
      await moveInMargin();
      await expect.poll(() => worker.running(), { timeout: 10_000 }).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('is answered by the page itself while the worker cannot answer it, with the word’s own card, its state filled in after', async () => {
    const page = await held.context.newPage();
    const popup = await held.context.newPage();
    try {
      await page.goto(server.url('/silk-road.html'));
      await page.waitForSelector('[data-yuedu-article]');
      // The worker wrote which sites have corrections (none) as the extension was installed: the page may answer here.
      await popup.goto(held.extensionUrl('popup.html'));
      await expect.poll(() => popup.evaluate((key) => chrome.storage.local.get(key), CORRECTED_SITES)).toEqual({ [CORRECTED_SITES]: [] });
      const { x, y } = await pointAt(page, '命运共同体', 'article');
      await page.mouse.move(x - 40, y);
      await page.mouse.move(x, y, { steps: 5 });
      await expect.poll(async () => (await readCard(page))?.headword).toBe('命运共同体');
      const card = await readCard(page);
      expect(card?.entries[0]).toMatchObject({ word: '命运共同体', source: 'glossary' });
      // What the reader knows of the word comes from the worker, which answers that.
      await expect.poll(async () => (await readCard(page))?.state).toBe('unknown');
    } finally {
      await Promise.all([page.close(), popup.close()]);
    }
  });

  it('is left to the worker on a site with the reader’s corrections, which only the worker applies', async () => {
    const page = await held.context.newPage();
    const popup = await held.context.newPage();
    try {
      await popup.goto(held.extensionUrl('popup.html'));
      const site = new URL(server.url('/')).hostname;
      const split = { action: 'split', window: { text: '命运共同体', pos: 0 }, length: 5, site };
      expect(await popup.evaluate((payload) => chrome.runtime.sendMessage({ yuedu: 1, type: 'correct', payload }), split)).toMatchObject({ ok: true });
      await expect.poll(() => popup.evaluate((key) => chrome.storage.local.get(key), CORRECTED_SITES)).toEqual({ [CORRECTED_SITES]: [site] });
      await page.goto(server.url('/silk-road.html'));
      await page.waitForSelector('[data-yuedu-article]');
      const { x, y } = await pointAt(page, '命运共同体', 'article');
      await page.mouse.move(x - 40, y);
      await page.mouse.move(x, y, { steps: 5 });
      // Time for the page to answer, as it did in the test before (in some 100 ms), had it been allowed to.
      await page.waitForTimeout(1500);
      expect(await popup.evaluate((message) => chrome.runtime.sendMessage(message), RELEASE)).toBe(true);
      // The split holds: the card is of 命运, not of 命运共同体 as the dictionary alone has it.
      await expect.poll(async () => (await readCard(page))?.headword).toBe('命运');
    } finally {
      await Promise.all([page.close(), popup.close()]);
    }
  });

  it('marks the article of a page while the service worker answers nothing', async () => {
    const asker = await whole.context.newPage();
    const page = await whole.context.newPage();
    let worker: { resume: () => Promise<void> } | null = null;
    try {
      await asker.goto(whole.extensionUrl('popup.html'));
      await asker.waitForLoadState('networkidle');
      worker = await pauseServiceWorker(asker, whole.extensionId);
      // A ping from an extension page, left waiting: while it has no answer, the worker has answered nothing.
      await asker.evaluate(() => {
        const w = window as unknown as { pong?: unknown };
        void chrome.runtime.sendMessage({ yuedu: 1, type: 'ping', payload: {} }).then((answer: unknown) => (w.pong = answer));
      });
      await page.goto(server.url('/silk-road.html'));
      await page.waitForSelector('article[data-yuedu-article]');
      expect(await asker.evaluate(() => (window as unknown as { pong?: unknown }).pong)).toBeUndefined();
      await worker.resume();
      worker = null;
      await expect.poll(() => asker.evaluate(() => (window as unknown as { pong?: unknown }).pong)).toMatchObject({ ok: true });
    } finally {
      await worker?.resume();
      await Promise.all([page.close(), asker.close()]);
    }
  });
});
