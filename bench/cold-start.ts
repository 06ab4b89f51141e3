/**
 * The sample dispatch opened with the service worker cold (stopped through CDP, as Chromium stops it after some 30
 * seconds without events) against the same page opened with the worker warm, in the same run: when the article is
 * marked, when the first card shows (the pointer resting on 命运共同体 from the start) and when the pinyin layer is
 * complete, each from navigation start; and a card after a pause in reading, with the worker stopped meanwhile.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../scripts/lib/browser';
import { CARD_WORD, recordMilestones } from './milestones';
import { percentiles } from './table';
import { stopServiceWorkers } from '../scripts/lib/service-worker';
import { PING_EVERY_MS } from '../content/wake-worker';

const ROUNDS = 3;

interface Milestones {
  article: number;
  card: number;
  layer: number;
}

/**
 * Where `word` first shows on screen, or null before the page has it. Read past the pinyin layer, which draws each
 * character in a ruby of its own (the word is then in no one text node) and its pinyin in <rt>.
 */
function wordCentre(word: string): { x: number; y: number } | null {
  const body = document.body as Node | null;
  if (!body) return null;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('rt') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  const at = text.indexOf(word);
  if (at < 0) return null;
  let i = starts.length - 1;
  while ((starts[i] ?? 0) > at) i--;
  const node = nodes[i] as Text;
  const range = document.createRange();
  range.setStart(node, at - (starts[i] ?? 0));
  range.setEnd(node, at - (starts[i] ?? 0) + 1);
  const rect = range.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

type Marks = Partial<Milestones & { anyCard: number }>;
const marksOf = (page: Page) => page.evaluate(() => (window as unknown as { __marks?: Marks }).__marks ?? {});

/** Opens `url` with the pointer kept on CARD_WORD (nudged a pixel at a time) until its card shows and the layer is complete. */
async function read(page: Page, url: string): Promise<Milestones> {
  await page.goto(url, { waitUntil: 'commit' });
  let nudge = 0;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`no card and layer within a minute: ${JSON.stringify(await marksOf(page))}`);
    // The page is still loading: its context may be replaced under an evaluate, which is then tried again.
    const marks = await marksOf(page).catch(() => ({}) as Marks);
    if (marks.card !== undefined && marks.layer !== undefined && marks.article !== undefined) return marks as Milestones;
    if (marks.card === undefined) {
      const point = await page.evaluate(wordCentre, CARD_WORD).catch(() => null);
      if (point) await page.mouse.move(point.x, point.y + (nudge ^= 1));
    }
    await page.waitForTimeout(5);
  }
}

/**
 * In the page: the first character of the first paragraph of the article that starts below `below` px, or null.
 * The pointer comes to it from the margin along its line, crossing no other text on the way.
 */
function paragraphStart(below: number): { x: number; y: number } | null {
  for (const p of document.querySelectorAll('[data-yuedu-article] p')) {
    // Past the pinyin layer's <rt>s, as wordCentre.
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('rt') || !n.nodeValue?.trim() ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const first = walker.nextNode() as Text | null;
    const at = first?.data.search(/\S/) ?? -1;
    if (!first || at < 0 || !/\p{Script=Han}/u.test(first.data[at] ?? '')) continue;
    const range = document.createRange();
    range.setStart(first, at);
    range.setEnd(first, at + 1);
    const rect = range.getBoundingClientRect();
    if (rect.top > below && rect.bottom < innerHeight) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/**
 * A pause in reading, then a turn of the wheel and the pointer brought from the left margin to the first word of a
 * paragraph, in some 200 ms: the time from the wheel to the card. With `stop`, the service worker is stopped during
 * the pause, as Chromium stops it after 30 s without events, and the pause is long enough (PING_EVERY_MS) for the
 * reader's next input to ping the worker (content/wake-worker.ts).
 */
async function hoverAfterPause(page: Page, url: string, stop: boolean): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __marks?: Marks }).__marks?.article !== undefined);
  await page.mouse.move(10, 300);
  await page.waitForTimeout(1500);
  if (stop) await stopServiceWorkers(page);
  await page.waitForTimeout(PING_EVERY_MS);
  const start = await page.evaluate(() => performance.now());
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(100);
  const target = await page.evaluate(paragraphStart, 150);
  if (!target) throw new Error('no paragraph on screen to point at');
  await page.mouse.move(10, target.y);
  const STEPS = 10;
  for (let i = 1; i <= STEPS; i++) {
    await page.mouse.move(10 + ((target.x - 10) * i) / STEPS, target.y);
    await page.waitForTimeout(10);
  }
  let nudge = 0;
  for (;;) {
    const shown = (await marksOf(page)).anyCard;
    if (shown !== undefined) return shown - start;
    await page.mouse.move(target.x, target.y + (nudge ^= 1));
    await page.waitForTimeout(5);
  }
}

export type AddRow = (metric: string, value: number, unit: string, baseline: { label: string; value: number }, target?: string) => void;

/** The cold-start rows; the layer must be on by default. */
export async function coldStartRows(b: ExtensionBrowser, url: string, row: AddRow): Promise<void> {
  const page = await b.context.newPage();
  await page.addInitScript(recordMilestones, CARD_WORD);
  const warm: Milestones[] = [];
  const cold: Milestones[] = [];
  // A warm-up read: the worker has loaded what a read needs.
  await read(page, url);
  for (let i = 0; i < ROUNDS; i++) {
    await page.goto('about:blank');
    warm.push(await read(page, url));
    // Off the page first, so that nothing it still sends wakes the worker again.
    await page.goto('about:blank');
    await stopServiceWorkers(page);
    cold.push(await read(page, url));
  }
  const pausedWarm: number[] = [];
  const pausedCold: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    pausedWarm.push(await hoverAfterPause(page, url, false));
    pausedCold.push(await hoverAfterPause(page, url, true));
  }
  await page.close();
  const median = (of: keyof Milestones, runs: Milestones[]) => percentiles(runs.map((m) => m[of])).p50;
  const label = `warm worker (median of ${ROUNDS})`;
  const rowFor = (of: keyof Milestones, metric: string, target: string) =>
    row(`cold worker → ${metric} (median of ${ROUNDS})`, median(of, cold), 'ms', { label, value: median(of, warm) }, target);
  rowFor('article', 'article marked', '≤ 1.0x: no round trip to the worker');
  rowFor('card', `first card (${CARD_WORD})`, `≤ warm + 100 ms (${(median('card', warm) + 100).toFixed(0)} ms)`);
  rowFor('layer', 'pinyin layer complete', '≤ 1.3x');
  const warmPause = percentiles(pausedWarm).p50;
  row(`worker stopped while reading → card after a wheel turn, pointer from the margin (median of ${ROUNDS})`, percentiles(pausedCold).p50, 'ms', {
    label: `worker running (median of ${ROUNDS})`,
    value: warmPause,
  }, `≤ warm + 100 ms (${(warmPause + 100).toFixed(0)} ms)`);
}
