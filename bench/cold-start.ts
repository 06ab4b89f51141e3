/**
 * The sample dispatch opened with the service worker cold (stopped through CDP, as Chromium stops it after some 30
 * seconds without events) against the same page opened with the worker warm, in the same run: when the article is
 * marked, when the first card shows (the pointer resting on 命运共同体 from the start) and when the pinyin layer is
 * complete, each from navigation start.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../scripts/lib/browser';
import { CARD_WORD, recordMilestones } from './milestones';
import { percentiles } from './table';
import { stopServiceWorkers } from '../scripts/lib/service-worker';

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

type Marks = Partial<Milestones>;
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
  await page.close();
  const median = (of: keyof Milestones, runs: Milestones[]) => percentiles(runs.map((m) => m[of])).p50;
  const label = `warm worker (median of ${ROUNDS})`;
  const rowFor = (of: keyof Milestones, metric: string, target: string) =>
    row(`cold worker → ${metric} (median of ${ROUNDS})`, median(of, cold), 'ms', { label, value: median(of, warm) }, target);
  rowFor('article', 'article marked', '≤ 1.0x: no round trip to the worker');
  rowFor('card', `first card (${CARD_WORD})`, `≤ warm + 100 ms (${(median('card', warm) + 100).toFixed(0)} ms)`);
  rowFor('layer', 'pinyin layer complete', '≤ 1.3x');
}
