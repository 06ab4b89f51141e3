import { describe, expect, it } from 'vitest';
import { WordMatcher } from '../../content/word-matcher';

/** The regular expression the matcher replaced: every form alternated, longest first. */
function regexMatches(words: string[], text: string): [number, string][] {
  const list = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!list.length) return [];
  const pattern = new RegExp(list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
  return [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
}

const trieMatches = (words: string[], text: string): [number, string][] =>
  [...new WordMatcher(words).matches(text)].map((m) => [m.index, text.slice(m.index, m.index + m.length)]);

describe('the saved-word matcher', () => {
  it('takes the longest form at each start, then goes on past it', () => {
    expect(trieMatches(['命运', '命运共同体', '共同', '峰会'], '命运共同体，命运共同，峰会峰会')).toEqual([
      [0, '命运共同体'],
      [6, '命运'],
      [8, '共同'],
      [11, '峰会'],
      [13, '峰会'],
    ]);
  });

  it('counts forms once, ignores the empty one, and finds nothing with no words', () => {
    expect(new WordMatcher(['峰会', '峰会', '']).size).toBe(1);
    expect(trieMatches([], '峰会')).toEqual([]);
  });

  it('keeps UTF-16 offsets across characters outside the BMP', () => {
    expect(trieMatches(['𠮷野家', '家'], 'a𠮷野家家')).toEqual([
      [1, '𠮷野家'],
      [5, '家'],
    ]);
  });

  it('agrees with the alternation it replaced on random words and texts', () => {
    // A fixed linear congruential sequence over a small alphabet, so that words overlap and nest often.
    let seed = 17;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = '中国人民共和政府会议峰合作𠮷';
    const chars = [...alphabet];
    const word = (max: number) => Array.from({ length: 1 + next(max) }, () => chars[next(chars.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: 1 + next(30) }, () => word(4));
      const text = Array.from({ length: next(80) }, () => chars[next(chars.length)]).join('');
      expect(trieMatches(words, text), `${JSON.stringify(words)} in ${text}`).toEqual(regexMatches(words, text));
    }
  });
});
