import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSearchIndex, SearchIndex, type RankedEntry } from '../../dictionary/search-index';
import { ensureSearchIndex } from '../../dictionary/search-index-node';
import type { DictEntry } from '../../dictionary/types';

const entry = (simplified: string, pinyin: string, definitions: string[], extra: Partial<DictEntry> = {}): DictEntry => ({
  simplified,
  traditional: simplified,
  readings: [{ pinyin, definitions, classifiers: [] }],
  source: 'cedict',
  ...extra,
});

const SMALL: RankedEntry[] = [
  { entry: entry('命运', 'ming4 yun4', ['fate', 'destiny']), rank: 10 },
  { entry: entry('命运共同体', 'ming4 yun4 gong4 tong2 ti3', ['community with a shared future']), rank: 30 },
  { entry: entry('明运', 'ming2 yun4', ['(made up) bright luck']), rank: 5 },
  { entry: entry('社区', 'she4 qu1', ['community']), rank: 20 },
  { entry: entry('长', 'chang2', ['long', 'length']), rank: 1 },
  { entry: entry('龙', 'long2', ['dragon']), rank: 8 },
  { entry: entry('绿色', 'lu:4 se4', ['green']), rank: 15 },
  { entry: entry('個', 'ge4', ['variant of 个']), rank: 0 },
  { entry: entry('吗', 'ma5', ['(question particle)']), rank: 2 },
];

describe('search index on a small dictionary', () => {
  const index = new SearchIndex(compileSearchIndex(SMALL));

  it('finds a word by pinyin with tone marks, tone numbers or none, exact readings first', () => {
    expect(index.search('mingyun')).toEqual(['明运', '命运', '命运共同体']);
    expect(index.search('ming4yun4')).toEqual(['命运', '命运共同体']);
    expect(index.search('mìngyùn')).toEqual(['命运', '命运共同体']);
    expect(index.search('ming4 yun')).toEqual(['命运', '命运共同体']);
    expect(index.search('lv4se4')).toEqual(['绿色']);
    expect(index.search('lüse')).toEqual(['绿色']);
    expect(index.search('ma')).toEqual(['吗']);
  });

  it('finds a word by English, whole definitions first, the last word possibly unfinished', () => {
    expect(index.search('community')).toEqual(['社区', '命运共同体']);
    expect(index.search('shared future')).toEqual(['命运共同体']);
    expect(index.search('communi')).toEqual(['社区', '命运共同体']);
    expect(index.search('Destiny')).toEqual(['命运']);
  });

  it('offers both where toneless pinyin is also English, and ignores usage notes and variants', () => {
    expect(index.search('long')).toEqual(['龙', '长']);
    expect(index.search('question')).toEqual([]);
    expect(index.search('variant')).toEqual([]);
    expect(index.search('ge')).toEqual([]);
  });

  it('answers nothing for Han text, empty or hostile queries', () => {
    for (const q of ['命运', '', '   ', '\ud800', '%%%', 'x'.repeat(10_000), 'constructor', '__proto__']) {
      expect(index.search(q), q).toEqual([]);
    }
  });

  it('round-trips through gzip as shipped, and refuses text that is not an index', async () => {
    const zipped = await SearchIndex.fromGzip(gzipSync(compileSearchIndex(SMALL)));
    expect(zipped.search('shequ')).toEqual(['社区']);
    expect(() => new SearchIndex('not an index')).toThrow(/search index/);
  });
});

describe('search index over the whole dictionary', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await SearchIndex.fromGzip(await readFile(await ensureSearchIndex()));
  }, 180_000);

  it.each([
    ['mingyun', '命运'],
    ['ming4yun4', '命运'],
    ['mìngyùn', '命运'],
    ['fenghui', '峰会'],
    ['sangushili', '三股势力'],
    ['community', '社区'],
    ['belt and road', '一带一路'],
    ['summit', '峰会'],
  ])('%s finds %s among the first twenty (a screenful of results)', (query, word) => {
    expect(index.search(query, 20)).toContain(word);
  });
});
