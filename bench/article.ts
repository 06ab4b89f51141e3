/**
 * Article detection on real pages (happy-dom in Node; the detector reads no layout, so none is missing):
 * - character F1 of the text the reading features see in what we mark, against what Mozilla Readability extracts
 *   (run on a clone), over the 62 gne pages and the four hand-checked pages; Readability's own F1 and that of
 *   `<article>`-else-`<body>` against the same reference, so the three are measured in the same run;
 * - on the hand-checked pages (expected.html), the same three against the hand-made text;
 * - time to mark, by page size, against Readability's parse of the same page.
 * `ARTICLE_BENCH_DUMP=dir` writes each page's three texts there, to read the losses by eye.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { GNE_DIR, readGnePage, readPage, visibleText } from '../tests/unit/support/fixture-pages';
import type { BenchSuite } from './suites';
import { percentiles, type BenchRow } from './table';

const HAND_CHECKED = ['gmw', 'youth', 'qq', 'xinhuanet'];

/** F1 over the multiset of non-space characters: order-free, so markup and layout do not count. */
export function charF1(reference: string, chosen: string): number {
  const counts = new Map<string, number>();
  const ref = [...reference.replace(/\s+/g, '')];
  const got = [...chosen.replace(/\s+/g, '')];
  if (!ref.length && !got.length) return 1;
  if (!ref.length || !got.length) return 0;
  for (const c of ref) counts.set(c, (counts.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of got) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(c, n - 1);
    }
  }
  const precision = shared / got.length;
  const recall = shared / ref.length;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

interface PageResult {
  name: string;
  bytes: number;
  ours: string;
  readability: string;
  fallback: string;
  expected?: string;
  oursMs: number;
  readabilityMs: number;
}

async function measurePage(window: Window, name: string, html: string, expected?: string): Promise<PageResult> {
  // The detector uses the DOM globals of the window it runs in.
  Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
  const { findArticle, articleTextNodes } = await import('../content/article');
  const parse = () => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const doc = parse();
  let start = performance.now();
  const article = findArticle(doc);
  const oursMs = performance.now() - start;
  const ours = article ? articleTextNodes(article).map((t) => t.data).join('') : '';
  const clone = parse();
  start = performance.now();
  const parsed = new Readability(clone).parse();
  const readabilityMs = performance.now() - start;
  const fresh = parse();
  const fallback = visibleText(fresh.querySelector('article') ?? fresh.body);
  return { name, bytes: Buffer.byteLength(html), ours, readability: parsed?.textContent ?? '', fallback, expected, oursMs, readabilityMs };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function f1Rows(label: string, results: PageResult[], reference: (r: PageResult) => string, withReadability: boolean): BenchRow[] {
  const f1 = (pick: (r: PageResult) => string) => results.map((r) => charF1(reference(r), pick(r)));
  const ours = f1((r) => r.ours);
  const fallback = f1((r) => r.fallback);
  const readability = f1((r) => r.readability);
  const good = (xs: number[]) => xs.filter((x) => x >= 0.8).length;
  const rows: BenchRow[] = [
    { suite: 'article', metric: `${label}: mean F1, ours`, value: mean(ours), unit: '', baseline: { label: 'article/body', value: mean(fallback) } },
    { suite: 'article', metric: `${label}: pages ≥ 0.8 of ${results.length}, ours`, value: good(ours), unit: '', baseline: { label: 'article/body', value: good(fallback) } },
  ];
  if (withReadability) {
    rows.push(
      { suite: 'article', metric: `${label}: mean F1, ours`, value: mean(ours), unit: '', baseline: { label: 'Readability', value: mean(readability) } },
      { suite: 'article', metric: `${label}: pages ≥ 0.8 of ${results.length}, ours`, value: good(ours), unit: '', baseline: { label: 'Readability', value: good(readability) } },
    );
  }
  return rows;
}

export const articleSuite: BenchSuite = {
  name: 'article',
  async run() {
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
    const results: PageResult[] = [];
    for (const file of readdirSync(GNE_DIR).filter((f) => f.endsWith('.html')).sort()) {
      results.push(await measurePage(window, `gne/${file}`, readGnePage(file)));
    }
    for (const name of HAND_CHECKED) {
      let expected: string | undefined;
      try {
        expected = visibleText(new window.DOMParser().parseFromString(readPage(name, 'expected.html'), 'text/html').body as unknown as Element);
      } catch {
        expected = undefined; // xinhuanet has snippets (expected.json), checked by the unit test
      }
      results.push(await measurePage(window, name, readPage(name), expected));
    }
    await window.happyDOM.close();

    const dump = process.env.ARTICLE_BENCH_DUMP;
    const perPage = results.map((r) => ({
      name: r.name,
      vsReadability: charF1(r.readability, r.ours),
      readabilityVsExpected: r.expected === undefined ? undefined : charF1(r.expected, r.readability),
      oursVsExpected: r.expected === undefined ? undefined : charF1(r.expected, r.ours),
      ours: r.ours.replace(/\s+/g, '').length,
      readability: r.readability.replace(/\s+/g, '').length,
    }));
    if (dump) {
      mkdirSync(dump, { recursive: true });
      for (const r of results) {
        const base = path.join(dump, r.name.replace(/\W+/g, '_'));
        writeFileSync(`${base}.ours.txt`, r.ours);
        writeFileSync(`${base}.readability.txt`, r.readability);
      }
      writeFileSync(path.join(dump, 'scores.json'), JSON.stringify(perPage, null, 1));
    }
    for (const p of perPage) console.error(`${p.name.padEnd(28)} F1 vs Readability ${p.vsReadability.toFixed(3)}  ours ${p.ours} chars, Readability ${p.readability}`);

    const rows = f1Rows('vs Readability', results, (r) => r.readability, false);
    const hand = results.filter((r) => r.expected !== undefined);
    rows.push(...f1Rows('vs hand-made', hand, (r) => r.expected as string, true));

    const sizes: [string, (b: number) => boolean][] = [
      ['< 100 KB', (b) => b < 100_000],
      ['100–300 KB', (b) => b >= 100_000 && b < 300_000],
      ['≥ 300 KB', (b) => b >= 300_000],
    ];
    for (const [label, within] of sizes) {
      const pages = results.filter((r) => within(r.bytes));
      if (!pages.length) continue;
      rows.push({
        suite: 'article',
        metric: `time to mark, median of ${pages.length} pages ${label}`,
        value: percentiles(pages.map((r) => r.oursMs)).p50,
        unit: 'ms',
        baseline: { label: 'Readability.parse', value: percentiles(pages.map((r) => r.readabilityMs)).p50 },
      });
    }
    return rows;
  },
};




