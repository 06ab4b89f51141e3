import { describe, expect, it } from 'vitest';
import { compileDictionary } from '../../dictionary/compile';
import { Dictionary } from '../../dictionary/dictionary';
import { compileSearchIndex, SearchIndex } from '../../dictionary/search-index';
import { searchMatches } from '../../dictionary/search';

const dictionary = new Dictionary(
  compileDictionary({
    cedict: {
      all: [
        ['命運', '命运', 'ming4 yun4', 'fate/destiny', [], []],
        ['命', '命', 'ming4', 'life/fate', [], []],
        ['社區', '社区', 'she4 qu1', 'community', [], []],
      ],
    },
    glossary: [],
    hsk: [],
  }),
);
// The index names a word the dictionary lacks (幽灵): such a hit is left out rather than shown empty.
const index = new SearchIndex(
  compileSearchIndex(
    ['命运', '命', '社区'].flatMap((w, rank) => dictionary.get(w).map((entry) => ({ entry, rank }))).concat({
      entry: { simplified: '幽灵', traditional: '幽靈', readings: [{ pinyin: 'you1 ling2', definitions: ['community ghost'], classifiers: [] }], source: 'cedict' },
      rank: 9,
    }),
  ),
);

describe('searching the dictionary without a page', () => {
  it('answers pinyin in any spelling and English with the entries of the words found', () => {
    for (const query of ['mingyun', 'ming4yun4', 'mìngyùn', ' mìng yùn ']) {
      const [first] = searchMatches(dictionary, index, query);
      expect(first?.text, query).toBe('命运');
      expect(first?.entries).toEqual(dictionary.get('命运'));
    }
    expect(searchMatches(dictionary, index, 'community').map((m) => m.text)).toEqual(['社区']);
  });

  it('looks Chinese up as the card does, longest word first, without the index', () => {
    expect(searchMatches(dictionary, null, '命运').map((m) => m.text)).toEqual(['命运', '命']);
    expect(searchMatches(dictionary, null, '命 运').map((m) => m.text)).toEqual(['命运', '命']);
  });

  it('answers an empty query, or one nothing matches, with nothing', () => {
    expect(searchMatches(dictionary, index, '   ')).toEqual([]);
    expect(searchMatches(dictionary, index, 'qqqxzv')).toEqual([]);
  });
});
