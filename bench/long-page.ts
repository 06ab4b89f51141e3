/**
 * A 5 MB page with the layer on by default: how soon the text on screen has its pinyin, after load and after a jump
 * to the middle, and the longest main-thread task the reader causes, against the same page with the site switched off.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../scripts/lib/browser';
import type { AddRow } from './cold-start';

const HUGE_PARAGRAPH = '<p>习近平强调，中吉合作大有可为。双方要扩大贸易和投资规模，深化金融合作；完善互联互通网络，高质量推进中吉乌铁路建设。</p>';
/** 5 MB of UTF-8: a menu and one 50,000-paragraph article. */
const HUGE_PAGE = `<!doctype html><meta charset="utf-8"><title>huge</title><body><nav>${'<a href="#">首页</a>'.repeat(50)}</nav><article>${HUGE_PARAGRAPH.repeat(50_000)}</article></body>`;
/** How long the reader is left to work on the page after the pinyin on screen (or after load) before its longest task is read. */
const WORK_MS = 8000;
/** How long pinyin on screen is waited for. */
const PATIENCE_MS = 60_000;

/**
 * In the page: scrolls to `scrollTo` (a fraction of the page's height) unless null, then resolves with the time
 * (performance.now) of the first frame in which every paragraph on screen has pinyin; null after `timeout` ms.
 */
function visibleHasPinyin({ scrollTo, timeout }: { scrollTo: number | null; timeout: number }): Promise<number | null> {
  if (scrollTo !== null) window.scrollTo(0, document.documentElement.scrollHeight * scrollTo);
  const start = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const shown = new Set<Element>();
      // A few points down the middle: a hit test per 10 px, every frame, slowed the page it measured threefold.
      for (let y = 5; y < innerHeight; y += 100) {
        const p = document.elementFromPoint(innerWidth / 2, y)?.closest('p');
        if (p) shown.add(p);
      }
      if (shown.size > 0 && [...shown].every((p) => p.querySelector('[data-yuedu-ruby]'))) resolve(performance.now());
      else if (performance.now() - start > timeout) resolve(null);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** In the page: scrolls to the middle and resolves with the median of the next 30 frame intervals. */
function frameAfterJump(): Promise<number> {
  window.scrollTo(0, document.documentElement.scrollHeight / 2);
  const frames: number[] = [];
  return new Promise((resolve) => {
    let last = performance.now();
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      if (frames.length < 30) requestAnimationFrame(tick);
      else resolve(frames.sort((a, b) => a - b)[15] ?? NaN);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * In the page (scrolled to its middle): the median, over 5 changes, of the time from changing one character of a
 * paragraph on screen to the second frame after it: what any change to the page's text costs before it is seen. On a
 * page of 50,000 paragraphs that is several frames, with no extension at all.
 */
async function frameAfterChange(): Promise<number> {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await frame();
    const p = document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('p');
    const text = p && document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
    if (!(text instanceof Text)) return NaN;
    const start = performance.now();
    text.data = (text.data[0] === '中' ? '习' : '中') + text.data.slice(1);
    await frame();
    await frame();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2] ?? NaN;
}

interface Work {
  longest: number;
  marked: number | null;
  load: number;
  /** Load → the text on screen has pinyin (from navigation start), null when it never did. */
  visible: number | null;
  /** Jump to the middle → the text there has pinyin. */
  jump: number | null;
  /** The median frame after a jump to the middle, without the layer. */
  frame: number;
  /** The same after a change to the text on screen (frameAfterChange), without the layer. */
  changeFrame: number;
}

/** Loads the huge page, waits for pinyin on screen and jumps to its middle (without the layer: measures a frame there), then gives the reader WORK_MS more. */
async function work(page: Page, url: string, layer: boolean): Promise<Work> {
  await page.goto(url);
  let visible = null;
  let jump = null;
  let frame = NaN;
  let changeFrame = NaN;
  if (layer) {
    visible = await page.evaluate(visibleHasPinyin, { scrollTo: null, timeout: PATIENCE_MS });
    const t = await page.evaluate(() => performance.now());
    const at = await page.evaluate(visibleHasPinyin, { scrollTo: 0.5, timeout: PATIENCE_MS });
    jump = at === null ? null : at - t;
  } else {
    frame = await page.evaluate(frameAfterJump);
    changeFrame = await page.evaluate(frameAfterChange);
  }
  await page.waitForTimeout(WORK_MS);
  const done = await page.evaluate(() => {
    const w = window as unknown as { __tasks: number[]; __marks: { article?: number } };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { longest: Math.max(0, ...w.__tasks), marked: w.__marks.article ?? null, load: nav.loadEventEnd };
  });
  return { ...done, visible, jump, frame, changeFrame };
}

/** The 5 MB rows, on `page` (which records milestones); the layer must be on by default. */
export async function longPageRows(b: ExtensionBrowser, page: Page, url: string, row: AddRow): Promise<void> {
  await b.context.route(/\/huge\.html$/, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: HUGE_PAGE }));
  const busy = await work(page, url, true);
  await b.serviceWorker.evaluate(() => chrome.storage.local.set({ disabledSites: ['127.0.0.1'] }));
  const quiet = await work(page, url, false);
  await b.serviceWorker.evaluate(() => chrome.storage.local.set({ disabledSites: [] }));
  await b.context.unroute(/\/huge\.html$/);
  if (busy.marked !== null) row('5 MB page: load → article marked', busy.marked, 'ms', { label: 'its load event', value: busy.load });
  const never = `not within ${PATIENCE_MS} ms`;
  if (busy.visible !== null) row('5 MB page: load → text on screen has pinyin', busy.visible, 'ms', { label: 'load event, site switched off', value: quiet.load });
  else console.error(`5 MB page: the text on screen had no pinyin ${never}`);
  // A frame after a jump without any change (the "one frame budget") is no bound for a layer that changes the
  // DOM: on this page any change to the text takes several frames to show, with the site off. That is the baseline.
  console.error(`5 MB page: a frame after a jump to the middle, site switched off: ${quiet.frame.toFixed(0)} ms`);
  if (busy.jump !== null) {
    const baseline = { label: 'one change to the text on screen → seen, site switched off', value: quiet.changeFrame };
    row('5 MB page: jump to the middle → text on screen has pinyin', busy.jump, 'ms', baseline, '≤ 2x: one DOM update');
  }
  else console.error(`5 MB page: the middle had no pinyin ${never}`);
  row('5 MB page: longest task after load, layer on', busy.longest, 'ms', { label: 'same page, site switched off', value: quiet.longest });
}
