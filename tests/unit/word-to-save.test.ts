import { describe, expect, it } from 'vitest';
import type { DictEntry } from '../../dictionary/types';
import { compileDictionary } from '../../dictionary/compile';
import { Dictionary } from '../../dictionary/dictionary';
import { LOOKUP_BATCH } from '../../lib/messaging/protocol';
import { entryFor, wordsToSave, wordToSave } from '../../lib/word-to-save';

const fazhan: DictEntry = {
  simplified: '发展',
  traditional: '發展',
  readings: [{ pinyin: 'fa1 zhan3', definitions: ['to develop', 'development'], classifiers: [] }],
  source: 'cedict',
  hsk: 2,
};

describe('wordToSave', () => {
  it('keeps the headwords, the first reading and the HSK level', () => {
    expect(wordToSave(fazhan)).toEqual({
      simplified: '发展',
      traditional: '發展',
      pinyin: 'fa1 zhan3',
      definitions: ['to develop', 'development'],
      hsk: 2,
    });
  });

  it('uses the glossary English and note for a set phrase without dictionary senses', () => {
    const phrase: DictEntry = {
      simplified: '三股势力',
      traditional: '三股勢力',
      readings: [{ pinyin: 'san1 gu3 shi4 li4', definitions: [], classifiers: [] }],
      source: 'glossary',
      glossary: { english: 'the three evil forces', note: 'terrorism, separatism and extremism', category: 'security' },
    };
    expect(wordToSave(phrase)).toEqual({
      simplified: '三股势力',
      traditional: '三股勢力',
      pinyin: 'san1 gu3 shi4 li4',
      definitions: ['the three evil forces'],
      note: 'terrorism, separatism and extremism',
    });
  });
});

it('reads an unknown run by its parts', () => {
  const part = (simplified: string, pinyin: string): DictEntry => ({ simplified, traditional: simplified, readings: [{ pinyin, definitions: ['x'], classifiers: [] }], source: 'cedict' });
  const run: DictEntry = { simplified: '托卡耶夫', traditional: '托卡耶夫', readings: [], source: 'fallback', parts: [part('托', 'tuo1'), part('卡耶夫', 'ka3 ye1 fu1')] };
  expect(wordToSave(run)).toMatchObject({ pinyin: 'tuo1 ka3 ye1 fu1', definitions: [] });
});

describe('entryFor', () => {
  const fallback: DictEntry = { simplified: '发展', traditional: '发展', readings: [], source: 'fallback' };
  const other: DictEntry = { ...fazhan, hsk: undefined, readings: [{ pinyin: 'Fa1 zhan3', definitions: ['a name'], classifiers: [] }] };
  it('picks the exact match, a dictionary HSK entry first', () => {
    const matches = [
      { text: '发展中', entries: [{ ...fazhan, simplified: '发展中' }] },
      { text: '发展', entries: [fallback, other, fazhan] },
    ];
    expect(entryFor('发展', matches)).toBe(fazhan);
    expect(entryFor('发', matches)).toBeNull();
  });
});

describe('wordsToSave', () => {
  const dictionary = new Dictionary(
    compileDictionary({
      cedict: { all: [['峰會', '峰会', 'feng1 hui4', 'summit meeting', [], []], ['發展', '发展', 'fa1 zhan3', 'to develop', [], []]] },
      glossary: [],
      hsk: [],
    }),
  );

  it('looks whole headwords up in batches the worker accepts and lists those with no entry', async () => {
    const batches: number[] = [];
    const words = [...Array.from({ length: LOOKUP_BATCH }, () => '峰会'), '发展', 'abc'];
    const { found, missing } = await wordsToSave(words, async (windows) => {
      batches.push(windows.length);
      return windows.map((w) => dictionary.lookup(w.text, w.pos ?? 0));
    });
    expect(batches).toEqual([LOOKUP_BATCH, 2]);
    expect(found.at(-1)).toEqual({ simplified: '发展', traditional: '發展', pinyin: 'fa1 zhan3', definitions: ['to develop'] });
    expect(found).toHaveLength(LOOKUP_BATCH + 1);
    expect(missing).toEqual(['abc']);
  });
});
