/**
 * The popup's search over the whole dictionary: latency of ~50 mixed queries (pinyin with marks, numbers and none,
 * English, Chinese) once the index is loaded, against the card's lookup of the word each query is after, in the same
 * run; and the time to load the shipped index, against loading the dictionary artifact.
 */
import { readFile } from 'node:fs/promises';
import { Dictionary } from '../dictionary/dictionary';
import { ARTIFACT_PATH, ensureArtifact } from '../dictionary/node';
import { searchMatches } from '../dictionary/search';
import { SearchIndex } from '../dictionary/search-index';
import { ensureSearchIndex } from '../dictionary/search-index-node';
import { percentiles, type BenchRow } from './table';
import type { BenchSuite } from './suites';

const PASSES = 20;

/** [query, the word it is after]: the card's lookup of that word is the baseline. */
const QUERIES: [string, string][] = [
  ['mingyun', '命运'], ['ming4yun4', '命运'], ['mìngyùn', '命运'], ['community', '社区'], ['summit', '峰会'],
  ['fenghui', '峰会'], ['feng1hui4', '峰会'], ['fēnghuì', '峰会'], ['zhongguo', '中国'], ['zhōngguó', '中国'],
  ['economy', '经济'], ['jingji', '经济'], ['jing1ji4', '经济'], ['cooperation', '合作'], ['hezuo', '合作'],
  ['development', '发展'], ['fazhan', '发展'], ['fāzhǎn', '发展'], ['government', '政府'], ['zhengfu', '政府'],
  ['president', '总统'], ['zongtong', '总统'], ['trade', '贸易'], ['maoyi', '贸易'], ['màoyì', '贸易'],
  ['fate', '命运'], ['long', '长'], ['man', '男'], ['ma', '吗'], ['a', '啊'],
  ['shi', '是'], ['shi4', '是'], ['lvse', '绿色'], ['lüsè', '绿色'], ['green', '绿色'],
  ['belt and road', '一带一路'], ['yidaiyilu', '一带一路'], ['shared future', '命运共同体'], ['mingyungongtongti', '命运共同体'],
  ['the', '的'], ['peace', '和平'], ['heping', '和平'], ['security', '安全'], ['anquan', '安全'],
  ['命运', '命运'], ['社区', '社区'], ['命运共同体', '命运共同体'], ['峰会在阿斯塔纳举行', '峰会'], ['哈萨克斯坦', '哈萨克斯坦'],
  ['xi', '习'], ['zzzzqqq', '啊'],
];

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const stats = (samples: number[]) => ({ ...percentiles(samples), max: Math.max(...samples) });

export const searchSuite: BenchSuite = {
  name: 'search',
  async run() {
    const [artifactPath, indexPath] = [await ensureArtifact(ARTIFACT_PATH), await ensureSearchIndex()];
    const [artifact, gz] = [await readFile(artifactPath), await readFile(indexPath)];
    let t = performance.now();
    const dictionary = new Dictionary(artifact);
    dictionary.lookup('峰会');
    const dictionaryMs = performance.now() - t;
    t = performance.now();
    const index = await SearchIndex.fromGzip(gz);
    const indexMs = performance.now() - t;

    const firstSearch = QUERIES.map(([q]) => time(() => searchMatches(dictionary, index, q)));
    const firstLookup = QUERIES.map(([, w]) => time(() => dictionary.lookup(w, 0)));
    const search: number[] = [];
    const lookup: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      for (const [q, w] of QUERIES) {
        search.push(time(() => searchMatches(dictionary, index, q)));
        lookup.push(time(() => dictionary.lookup(w, 0)));
      }
    }
    const s = stats(search);
    const l = stats(lookup);
    const f = stats(firstSearch);
    const fl = stats(firstLookup);
    const row = (metric: string, value: number, base: number, target?: string): BenchRow => ({
      suite: 'search',
      metric,
      value,
      unit: 'ms',
      baseline: { label: metric.startsWith('index') ? 'dictionary load' : 'card lookup', value: base },
      ...(target ? { target } : {}),
    });
    return [
      row('index load (gunzip + split)', indexMs, dictionaryMs),
      row(`first search of each of ${QUERIES.length} queries, max`, f.max, fl.max, '< 50 ms'),
      row('search p50', s.p50, l.p50),
      row('search p99', s.p99, l.p99, '< 50 ms'),
      row('search max', s.max, l.max, '< 50 ms'),
    ];
  },
};
