/**
 * Finding the reader's saved words in a long article: the trie (content/word-matcher.ts) against the regular
 * expression alternating every saved form that it replaced, both in the same run on the same text. The saved forms
 * are real words, simplified and traditional as the page receives them (the MSR gold segmentation's distinct words of
 * two characters or more, then the HSK 3.0 list's), the article the first sentences of the MSR test set, so that many
 * saved words occur in it as they do for a real reader. Building the matcher (once per change of the saved words) and
 * one pass over the article (at first read and after each batch of added text) are timed apart.
 */
import { WordMatcher } from '../content/word-matcher';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, readMsrGold } from './msr';
import type { BenchSuite } from './suites';
import { percentiles, type BenchRow } from './table';

const ARTICLE_CHARS = 20_000;
const RUNS = 9;

function regexFind(words: string[], text: string): number {
  const list = [...words].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return [...text.matchAll(pattern)].length;
}

function trieFind(matcher: WordMatcher, text: string): number {
  return [...matcher.matches(text)].length;
}

/** HSK 3.0 headwords, simplified and traditional (columns 2 and 3 of the CSV). */
function hskForms(): string[] {
  const csv = readFileSync(path.join(FIXTURES, 'wordlists/hsk30.csv'), 'utf8');
  return csv.split(/\r?\n/).slice(1).flatMap((line) => line.split(',').slice(1, 3)).filter((w) => w.length >= 2);
}

function time(fn: () => number): { ms: number; found: number } {
  const samples: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    found = fn();
    samples.push(performance.now() - t);
  }
  return { ms: percentiles(samples).p50, found };
}

export const savedWordsSuite: BenchSuite = {
  name: 'saved-words',
  async run(): Promise<BenchRow[]> {
    const gold = readMsrGold();
    const distinct = [...new Set([...gold.flat().filter((w) => w.length >= 2), ...hskForms()])];
    let article = '';
    for (const words of gold) {
      if (article.length >= ARTICLE_CHARS) break;
      article += words.join('');
    }
    const rows: BenchRow[] = [];
    for (const count of [5_000, 20_000]) {
      const words = distinct.slice(0, count);
      let matcher = new WordMatcher([]);
      const build = time(() => (matcher = new WordMatcher(words)).size);
      const trie = time(() => trieFind(matcher, article));
      const regex = time(() => regexFind(words, article));
      if (trie.found !== regex.found) throw new Error(`trie found ${trie.found}, regex ${regex.found}`);
      const label = `${words.length.toLocaleString('en')} saved forms, ${article.length.toLocaleString('en')}-char article`;
      const baseline = { label: 'one alternation regex, one pass', value: regex.ms };
      rows.push(
        { suite: 'saved-words', metric: `${label}: one pass (${trie.found} found), p50`, value: trie.ms, unit: 'ms', baseline, target: 'a few ms' },
        { suite: 'saved-words', metric: `${label}: building the matcher, p50`, value: build.ms, unit: 'ms', baseline },
      );
    }
    return rows;
  },
};
