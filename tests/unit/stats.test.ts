import { describe, expect, it } from 'vitest';
import type { Segment } from '../../dictionary/types';
import { articleStats, countHan, sentenceAt, unknownUpTo } from '../../lib/stats';

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

const none = { known: new Set<string>(), saved: new Set<string>() };

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

  it('gives the shares of running words known and saved; a word both known and saved counts as known', () => {
    const s = articleStats(paragraphs, segments, { known: new Set(['中国', '欢迎']), saved: new Set(['发展', '中国']) });
    expect(s.knownShare).toBeCloseTo(3 / 10);
    expect(s.savedShare).toBeCloseTo(2 / 10);
  });

  it('counts a traditional word as the simplified word saved or known', () => {
    const text = '峰會發展';
    const traditional = [
      { text: '峰會', start: 0, kind: 'word' as const, hsk: 6, simplified: '峰会' },
      { text: '發展', start: 2, kind: 'word' as const, hsk: 2, simplified: '发展' },
    ];
    const s = articleStats([text], [traditional], { known: new Set(['发展']), saved: new Set(['峰会']) });
    expect([s.knownShare, s.savedShare, s.unknown]).toEqual([0.5, 0.5, []]);
  });

  it('profiles distinct words by HSK band, off-list words at index 0', () => {
    const s = articleStats(paragraphs, segments, none);
    // off list: 托卡耶夫 年 命运共同体; HSK1: 中国 欢迎; HSK2: 发展; HSK3: 合作; HSK7–9: 共赢
    expect(s.hskProfile).toEqual([3, 2, 1, 1, 0, 0, 0, 1]);
  });

  it('lists the unknown HSK words easiest first, each with the sentence it first appears in', () => {
    const s = articleStats(paragraphs, segments, { known: new Set(['欢迎']), saved: new Set(['合作']) });
    expect(s.unknown).toEqual([
      { text: '中国', hsk: 1, sentence: '中国发展，合作共赢。' },
      { text: '发展', hsk: 2, sentence: '中国发展，合作共赢。' },
      { text: '共赢', hsk: 7, sentence: '中国发展，合作共赢。' },
    ]);
    expect(unknownUpTo(s, 2).map((w) => w.text)).toEqual(['中国', '发展']);
    expect(unknownUpTo(s, 0)).toEqual([]);
  });

  it('is all zeros for a page with no words, without dividing by zero', () => {
    const s = articleStats([], [], none);
    expect(s).toEqual({ chars: 0, words: 0, distinctWords: 0, knownShare: 0, savedShare: 0, hskProfile: [0, 0, 0, 0, 0, 0, 0, 0], unknown: [] });
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
