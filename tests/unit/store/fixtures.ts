import { unpackFacts, type WordFacts } from '../../../lib/domain/known';
import { openDb, type YueduDb } from '../../../lib/store/db';
import type { WordFactsReader } from '../../../lib/store/known';
import type { WordContext, WordToSave } from '../../../lib/domain/word';

let n = 0;
/** A fresh database per test: fake-indexeddb keeps databases for the whole file. */
export const freshDb = (): YueduDb => openDb(`test-${Date.now()}-${n++}`);

export const T0 = new Date(2026, 10, 24, 9, 0, 0).getTime();
export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;

export const summit: WordToSave = {
  simplified: '峰会',
  traditional: '峰會',
  pinyin: 'feng1 hui4',
  definitions: ['summit meeting'],
  hsk: 6,
};

export const community: WordToSave = {
  simplified: '命运共同体',
  traditional: '命運共同體',
  pinyin: 'ming4 yun4 gong4 tong2 ti3',
  definitions: ['community of common destiny'],
  note: 'Xi Jinping’s foreign-policy slogan',
};

export const ctx = (sentence: string, url = 'https://news.example.cn/a.html'): WordContext => ({
  sentence,
  title: '丝路新闻',
  url,
});

/** The reader's answer as the page reads it. */
export const factsOf = async (reader: WordFactsReader, words: string[], stableDays: number): Promise<WordFacts> =>
  unpackFacts(words, await reader.facts(words, stableDays));
