import { describe, expect, it } from 'vitest';
import type { Segment } from '../../dictionary/types';
import { articleStats, countHan, distinctUnknown, sentenceAt, unknownUpTo, type StateOf } from '../../lib/stats';

/** Segments of `text` from a list of [piece, hsk] pairs, with offsets computed as the engine gives them. */
function segs(pieces: [string, number?, Segment['kind']?][]): { text: string; segments: Segment[] } {
  let text = '';
  const segments: Segment[] = [];
  for (const [piece, hsk, kind] of pieces) {
    const han = /\p{Script=Han}/u.test(piece);
    segments.push({ text: piece, start: text.length, kind: kind ?? (han ? 'word' : 'other'), ...(hsk ? { hsk } : {}) });
    text += piece;
  }
  return { text, segments };
}

/** States from explicit lists: known, saved (learning), the rest unknown. */
const states =
  ({ known, saved }: { known: string[]; saved: string[] }): StateOf =>
  (word) =>
    known.includes(word) ? 'known' : saved.includes(word) ? 'learning' : 'unknown';
const none = states({ known: [], saved: [] });

describe('article stats', () => {
  const p1 = segs([['中国', 1], ['发展', 2], ['，'], ['合作', 3], ['共赢', 7], ['。'], ['中国', 1], ['欢迎', 1], ['托卡耶夫', undefined, 'name'], ['。']]);
  const p2 = segs([['2025'], ['年'], ['，'], ['命运共同体'], ['发展', 2], ['！']]);
  const paragraphs = [p1.text, p2.text];
  const segments = [p1.segments, p2.segments];

  it('counts Han characters, running words and distinct words, leaving out punctuation and numbers', () => {
    const s = articleStats(paragraphs, segments, none);
    expect(s.chars).toBe(countHan(p1.text) + countHan(p2.text));
    expect(s.chars).toBe(16 + 8);
    // 中国 发展 合作 共赢 中国 欢迎 托卡耶夫 | 年 命运共同体 发展
    expect(s.words).toBe(10);
    expect(s.distinctWords).toBe(8);
  });

  it('gives the shares of running words known, being learned and unknown', () => {
    const s = articleStats(paragraphs, segments, states({ known: ['中国', '欢迎'], saved: ['发展'] }));
    expect(s.knownShare).toBeCloseTo(3 / 10);
    expect(s.learningShare).toBeCloseTo(2 / 10);
    expect(s.unknownShare).toBeCloseTo(5 / 10);
  });

  it('asks the model with each word\'s headword and HSK level', () => {
    const asked: [string, number | undefined][] = [];
    articleStats(paragraphs, segments, (word, hsk) => (asked.push([word, hsk]), 'unknown'));
    expect(asked.slice(0, 3)).toEqual([['中国', 1], ['发展', 2], ['合作', 3]]);
  });

  it('counts a traditional word as the simplified word saved or known', () => {
    const text = '峰會發展';
    const traditional = [
      { text: '峰會', start: 0, kind: 'word' as const, hsk: 6, simplified: '峰会' },
      { text: '發展', start: 2, kind: 'word' as const, hsk: 2, simplified: '发展' },
    ];
    const s = articleStats([text], [traditional], states({ known: ['发展'], saved: ['峰会'] }));
    expect([s.knownShare, s.learningShare, s.unknown]).toEqual([0.5, 0.5, []]);
  });

  it('profiles distinct words by HSK band, off-list words at index 0', () => {
    const s = articleStats(paragraphs, segments, none);
    // off list: 托卡耶夫 年 命运共同体; HSK1: 中国 欢迎; HSK2: 发展; HSK3: 合作; HSK7–9: 共赢
    expect(s.hskProfile).toEqual([3, 2, 1, 1, 0, 0, 0, 1]);
  });

  it('lists the unknown words easiest first and words off the HSK list last, each with the sentence it first appears in', () => {
    const s = articleStats(paragraphs, segments, states({ known: ['欢迎', '年'], saved: ['合作'] }));
    const first = '中国发展，合作共赢。';
    expect(s.unknown).toEqual([
      { text: '中国', headword: '中国', hsk: 1, sentence: first },
      { text: '发展', headword: '发展', hsk: 2, sentence: first },
      { text: '共赢', headword: '共赢', hsk: 7, sentence: first },
      { text: '托卡耶夫', headword: '托卡耶夫', hsk: 0, sentence: '中国欢迎托卡耶夫。' },
      { text: '命运共同体', headword: '命运共同体', hsk: 0, sentence: '2025年，命运共同体发展！' },
    ]);
    expect(unknownUpTo(s, 2).map((w) => w.text)).toEqual(['中国', '发展']);
    expect(unknownUpTo(s, 0)).toEqual([]);
    expect(distinctUnknown(s)).toEqual(['中国', '发展', '共赢', '托卡耶夫', '命运共同体']);
  });

  it('counts a word met in both scripts once among the distinct unknown words', () => {
    const text = '发展發展';
    const both = [
      { text: '发展', start: 0, kind: 'word' as const, hsk: 2 },
      { text: '發展', start: 2, kind: 'word' as const, hsk: 2, simplified: '发展' },
    ];
    expect(distinctUnknown(articleStats([text], [both], none))).toEqual(['发展']);
  });

  it('is all zeros for a page with no words, without dividing by zero', () => {
    const s = articleStats([], [], none);
    expect(s).toEqual({ chars: 0, words: 0, distinctWords: 0, knownShare: 0, learningShare: 0, unknownShare: 0, hskProfile: [0, 0, 0, 0, 0, 0, 0, 0], unknown: [] });
  });

  it('tolerates paragraphs without segments (a paragraph the engine could not annotate)', () => {
    const s = articleStats([p1.text, '你好'], [p1.segments], none);
    expect(s.chars).toBe(16 + 2);
    expect(s.words).toBe(7);
  });
});

describe('sentenceAt', () => {
  const text = '他说：“我们来了！”然后走了。最后一句没有句号';
  it('finds the sentence around an offset, closing quotes included', () => {
    expect(sentenceAt(text, 0)).toBe('他说：“我们来了！”');
    expect(sentenceAt(text, text.indexOf('然后'))).toBe('然后走了。');
    expect(sentenceAt(text, text.indexOf('最后'))).toBe('最后一句没有句号');
  });
  it('splits at line breaks', () => {
    expect(sentenceAt('标题\n正文第一句。', 3)).toBe('正文第一句。');
  });
});
