/**
 * Reading on the page, in Chromium with the built extension, on the served sample dispatch:
 * - page load → article marked and pinyin layer complete, against the page's own `load` event in the same run;
 * - a 5 MB page: pinyin on screen after load and after a jump, and the longest task (long-page.ts);
 * - hover → card latency over 200 distinct words, against one animation frame measured in the same page and a bare
 *   message round trip to the background; the same in Firefox ESR, with its own round trip as its baseline;
 * - JS heap of the page with the content script at work, against the same page in the same browser with the site
 *   switched off (the script loaded but idle) and in a browser without the extension;
 * - the same milestones and the first card with the service worker cold, against warm (cold-start.ts).
 */
import path from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, launchFirefoxWithExtension, launchWithExtension } from '../scripts/lib/browser';
import { startStaticServer } from '../scripts/lib/static-server';
import { ROOT } from '../scripts/lib/build';
import { coldStartRows, type AddRow } from './cold-start';
import { benchExtension } from './extension';
import { longPageRows } from './long-page';
import { recordMilestones } from './milestones';
import type { BenchSuite } from './suites';
import { percentiles, type BenchRow } from './table';

const LOADS = 5;
const HOVERS = 200;

const median = (xs: number[]) => percentiles(xs).p50;

async function loadMilestones(page: Page, url: string): Promise<{ load: number; article: number; layer: number }> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __marks: { layer?: number } }).__marks.layer !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const marks = (window as unknown as { __marks: { article: number; layer: number } }).__marks;
    return { load: nav.loadEventEnd, article: marks.article, layer: marks.layer };
  });
}

/**
 * Hovers distinct words by dispatching pointer moves in the page and times each until the card's shadow DOM changes.
 * Between words the pointer moves to an empty margin so that every card is drawn afresh.
 */
function hoverLatencies(count: number): Promise<{ samples: number[]; frame: number }> {
  return (async () => {
    const host = () => document.querySelector('yuedu-hover');
    const move = (x: number, y: number) => document.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
    const changed = (timeout: number) =>
      new Promise<number | null>((resolve) => {
        const root = host()?.shadowRoot;
        const targets: Node[] = [host() as Node, ...(root ? [root] : [])].filter(Boolean);
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        for (const t of targets) observer.observe(t, { attributes: true, childList: true, subtree: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, timeout);
      });
    const article = document.querySelector('[data-yuedu-article]') as Element;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const points: { node: Text; offset: number }[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text;
      for (let i = 0; i < text.data.length; i += 7) if (/\p{Script=Han}/u.test(text.data[i] ?? '')) points.push({ node: text, offset: i });
    }
    const samples: number[] = [];
    for (const point of points) {
      if (samples.length >= count) break;
      const range = document.createRange();
      range.setStart(point.node, point.offset);
      range.setEnd(point.node, point.offset + 1);
      point.node.parentElement?.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const rect = range.getBoundingClientRect();
      move(1, 1);
      await new Promise((r) => setTimeout(r, 0));
      if (!host()) {
        // The first hover creates the host: not a steady-state sample.
        move(rect.left + rect.width / 2, rect.top + rect.height / 2);
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      const done = changed(1000);
      const t0 = performance.now();
      move(rect.left + rect.width / 2, rect.top + rect.height / 2);
      const t1 = await done;
      if (t1 !== null) samples.push(t1 - t0);
    }
    const frames: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < 60; i++) {
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      frames.push(now - last);
      last = now;
    }
    frames.sort((a, b) => a - b);
    return { samples, frame: frames[Math.floor(frames.length / 2)] ?? NaN };
  })();
}

/** A lookup's bare round trip to the background, from an extension page: what a hover would wait for without the read-ahead. */
function pingRoundTrips(count: number): Promise<number[]> {
  return (async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await api.runtime.sendMessage({ yuedu: 1, type: 'ping', payload: { from: 'bench' } });
      out.push(performance.now() - t);
    }
    return out;
  })();
}

/** The hover rows for Firefox: the same pages and method as Chromium's, in Firefox ESR with the Firefox build. */
async function firefoxHoverRows(url: string, row: AddRow): Promise<void> {
  const firefox = await launchFirefoxWithExtension(benchExtension('firefox'), { headless: true });
  try {
    const page = await firefox.browser.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-yuedu-article]');
    const { samples, frame } = await page.evaluate(hoverLatencies, HOVERS);
    const { p50, p99 } = percentiles(samples);
    await page.close();
    const pingPage = await firefox.openExtensionPage('popup.html');
    const pings = percentiles(await pingPage.evaluate(pingRoundTrips, HOVERS));
    await pingPage.close();
    const frameTarget = `< 1 frame (${frame.toFixed(1)} ms)`;
    row(`Firefox: hover → card p50 (${samples.length} words)`, p50, 'ms', { label: 'ping round trip p50', value: pings.p50 }, frameTarget);
    row('Firefox: hover → card p99', p99, 'ms', { label: 'ping round trip p99', value: pings.p99 }, frameTarget);
  } finally {
    await firefox.close();
  }
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1500);
}

export const readingSuite: BenchSuite = {
  name: 'reading',
  async run() {
    const server = await startStaticServer({ '/': path.join(ROOT, 'demo') });
    const url = server.url('/silk-road.html');
    const b = await launchWithExtension(benchExtension(), { headless: true });
    const rows: BenchRow[] = [];
    const row: AddRow = (metric, value, unit, baseline, target) =>
      void rows.push({ suite: 'reading', metric, value, unit, baseline, ...(target ? { target } : {}) });
    try {
      // Load → article marked → layer complete, with the layer on by default.
      await b.serviceWorker.evaluate(() => chrome.storage.sync.set({ settings: { pinyinLayerDefault: 'all' } }));
      const loads: { load: number; article: number; layer: number }[] = [];
      const page = await b.context.newPage();
      await page.addInitScript(recordMilestones, null);
      // One warm-up load: the service worker reads the dictionary on first use.
      await loadMilestones(page, url);
      for (let i = 0; i < LOADS; i++) loads.push(await loadMilestones(page, url));
      const load = median(loads.map((l) => l.load));
      row('load → article marked (median of 5)', median(loads.map((l) => l.article)), 'ms', { label: 'page load event', value: load });
      row('load → pinyin layer complete (median of 5)', median(loads.map((l) => l.layer)), 'ms', { label: 'page load event', value: load });

      // A 5 MB page with the layer on.
      await longPageRows(b, page, server.url('/huge.html'), row);
      await page.close();

      // Hover latency, layer off.
      await b.serviceWorker.evaluate(() => chrome.storage.sync.set({ settings: { pinyinLayerDefault: 'off' } }));
      const hoverPage = await b.context.newPage();
      await hoverPage.goto(url);
      await hoverPage.waitForSelector('[data-yuedu-article]');
      const { samples, frame } = await hoverPage.evaluate(hoverLatencies, HOVERS);
      const { p50, p99 } = percentiles(samples);
      await hoverPage.close();
      const pingPage = await b.context.newPage();
      await pingPage.goto(b.extensionUrl('popup.html'));
      const pings = percentiles(await pingPage.evaluate(pingRoundTrips, HOVERS));
      await pingPage.close();
      const frameTarget = `< 1 frame (${frame.toFixed(1)} ms)`;
      row(`hover → card p50 (${samples.length} words)`, p50, 'ms', { label: 'ping round trip p50', value: pings.p50 }, frameTarget);
      row('hover → card p99', p99, 'ms', { label: 'ping round trip p99', value: pings.p99 }, frameTarget);
      await firefoxHoverRows(url, row);

      // Heap: the reader at work (article, hover card, pinyin layer) against the same page with the site off.
      const heapOf = async (prepare: (p: Page) => Promise<void>) => {
        const p = await b.context.newPage();
        await p.goto(url);
        await p.waitForSelector('html[data-yuedu]');
        await prepare(p);
        await settle(p);
        const cdp = await b.context.newCDPSession(p);
        const used = await heapAfterGc(cdp);
        await p.close();
        return used;
      };
      const working = await heapOf(async (p) => {
        await p.waitForSelector('[data-yuedu-article]');
        await b.serviceWorker.evaluate(async (pageUrl) => {
          const [tab] = await chrome.tabs.query({ url: pageUrl });
          if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { yuedu: 1, type: 'setPinyinLayer', payload: { mode: 'all' } }, { frameId: 0 });
        }, url);
        await p.mouse.move(400, 300);
      });
      await b.serviceWorker.evaluate(() => chrome.storage.local.set({ disabledSites: ['127.0.0.1'] }));
      const idle = await heapOf(async () => undefined);
      await b.serviceWorker.evaluate(() => chrome.storage.local.set({ disabledSites: [] }));
      const plainBrowser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
      const plainPage = await plainBrowser.newPage({ viewport: { width: 1280, height: 900 } });
      await plainPage.goto(url);
      await settle(plainPage);
      const none = await heapAfterGc(await plainPage.context().newCDPSession(plainPage));
      await plainBrowser.close();
      const MB = 1024 * 1024;
      row('page JS heap, reader at work (layer on, card shown)', working / MB, 'MB', { label: 'same page, site switched off', value: idle / MB });
      row('page JS heap, site switched off', idle / MB, 'MB', { label: 'same page, no extension', value: none / MB });

      // Last: stopping the worker leaves b.serviceWorker without a worker behind it.
      await b.serviceWorker.evaluate(() => chrome.storage.sync.set({ settings: { pinyinLayerDefault: 'all' } }));
      await coldStartRows(b, url, row);
    } finally {
      await b.close();
      await server.close();
    }
    return rows;
  },
};
