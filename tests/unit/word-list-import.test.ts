import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessColumn, readWordList, wordsOfCell, wordsOfColumn } from '../../lib/word-list-import';

describe('word list import', () => {
  it('reads one word per line, leaving out blank lines, comments and duplicates', () => {
    const table = readWordList('\uFEFF# a list\n中国\r\n\n发展\n// Pleco category\n中国\nhello\n');
    expect(table.columns).toBe(1);
    expect(wordsOfColumn(table, 0)).toEqual({ words: ['中国', '发展'], skipped: [4] });
  });

  it('reads the chosen column of a TSV, as Pleco and Anki export it', () => {
    const table = readWordList('#separator:tab\n中国[中國]\tzhong1 guo2\tChina\n<b>发展</b>\tfa1 zhan3\tto develop\n');
    expect(table.columns).toBe(3);
    expect(guessColumn(table)).toBe(0);
    expect(wordsOfColumn(table, 0).words).toEqual(['中国', '发展']);
    expect(() => wordsOfColumn(table, 2)).toThrow(/Column 3 of this file holds no Chinese words/);
  });

  it('finds the simplified column of the HSK 3.0 list (a CSV with quoted fields) and cleans its cells', () => {
    const csv = readFileSync(path.join(process.env.YUEDU_FIXTURES ?? '/work/shared/fixtures', 'wordlists/hsk30.csv'), 'utf8');
    const table = readWordList(csv);
    expect(guessColumn(table)).toBe(1);
    const { words, skipped } = wordsOfColumn(table, 1);
    expect(words.length).toBeGreaterThan(10_000);
    expect(words.slice(0, 2)).toEqual(['爱', '爱好']);
    // The header, and patterns such as …极了 that are not words.
    expect(skipped[0]).toBe(1);
    expect(skipped.length).toBeLessThan(10);
    expect(wordsOfCell('们（朋友们）')).toEqual(['们']);
    expect(wordsOfCell('爸爸|爸')).toEqual(['爸爸', '爸']);
    expect(wordsOfCell('面1')).toEqual(['面']);
  });

  it('refuses, saying why, a binary file and a file with no Chinese words', () => {
    expect(() => readWordList('PK\u0003\u0004collection.anki2')).toThrow(/not a text file/);
    expect(() => wordsOfColumn(readWordList('apple\nbanana\n'), 0)).toThrow(/holds no Chinese words/);
    expect(() => wordsOfColumn(readWordList(''), 0)).toThrow(/holds no Chinese words/);
  });
});
