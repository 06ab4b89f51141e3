import { beforeAll, describe, expect, it } from 'vitest';
import { annotate, annotateParagraphs, type Annotator } from '../../dictionary/annotate';
import { loadDictionaryForNode } from '../../dictionary/node';
import { loadWordFrequenciesForNode } from '../../dictionary/word-frequencies-node';
import type { PinyinOptions, Segment } from '../../dictionary/types';

let annotator: Annotator;
beforeAll(async () => {
  annotator = { dictionary: await loadDictionaryForNode(), frequencies: loadWordFrequenciesForNode() };
}, 60_000);

const NUMBERS: PinyinOptions = { style: 'numbers', sandhi: false };
const read = (text: string, options = NUMBERS) =>
  annotate(annotator, text, options)
    .filter((s) => s.pinyin)
    .map((s) => `${s.text}:${s.pinyin?.join(' ')}`);

/** Where the segments fail to cover `text` exactly, or undefined. One assertion, so megabyte inputs stay quick. */
function coverProblem(text: string, segments: Segment[]): string | undefined {
  let at = 0;
  for (const s of segments) {
    if (s.start !== at || text.slice(s.start, s.start + s.text.length) !== s.text) return `bad segment at ${at}`;
    const han = [...s.text].filter((c) => /\p{Script=Han}/u.test(c)).length;
    if (s.pinyin && s.pinyin.length !== han) return `${s.text}: ${s.pinyin.length} syllables`;
    at += s.text.length;
  }
  return at === text.length ? undefined : `covered ${at} of ${text.length}`;
}

function expectCover(text: string, segments: Segment[]) {
  expect(coverProblem(text, segments)).toBeUndefined();
}

describe('annotate: pinyin in context', () => {
  it('reads polyphonic characters by their word', () => {
    expect(read('银行的行动')).toEqual(['银行:yin2 hang2', '的:de5', '行动:xing2 dong4']);
    expect(read('很重要，重新开始')).toContain('重要:zhong4 yao4');
    expect(read('很重要，重新开始')).toContain('重新:chong2 xin1');
    expect(read('孩子长大了，收入增长了')).toEqual(
      expect.arrayContaining(['长大:zhang3 da4', '增长:zeng1 zhang3']),
    );
  });

  it('reads 了 as le5 after a verb and liao3 in 了解 / 受不了', () => {
    expect(read('他来了')).toContain('了:le5');
    expect(read('了解情况')).toContain('了解:liao3 jie3');
  });

  it('applies 一/不 sandhi only when asked', () => {
    const on = { style: 'numbers', sandhi: true } as const;
    expect(read('一样不对', on)).toEqual(['一样:yi2 yang4', '不:bu2', '对:dui4']);
    expect(read('一样不对')).toEqual(['一样:yi1 yang4', '不:bu4', '对:dui4']);
    expect(read('第一', on)).toEqual(['第一:di4 yi1']);
  });

  it('writes the three styles', () => {
    expect(read('绿色', { style: 'marks', sandhi: false })).toEqual(['绿色:lǜ sè']);
    expect(read('绿色')).toEqual(['绿色:lü4 se4']);
    expect(read('中国', { style: 'zhuyin', sandhi: false })).toEqual(['中国:ㄓㄨㄥ ㄍㄨㄛˊ']);
  });

  it('reads r-coloured 儿 as r and names by their surname reading', () => {
    expect(read('在哪儿')).toContain('哪儿:na3 r5');
    expect(read('女儿')).toEqual(['女儿:nü3 er2']);
  });
});

describe('annotate: segments', () => {
  it('cover the input exactly, with kinds and HSK levels', () => {
    const text = '习近平主席同托卡耶夫总统会谈时强调，两国要推进“一带一路”合作。';
    const segments = annotate(annotator, text, NUMBERS);
    expectCover(text, segments);
    expect(segments.find((s) => s.text === '托卡耶夫')?.pinyin).toEqual(['tuo1', 'ka3', 'ye1', 'fu1']);
    expect(segments.find((s) => s.text === '强调')).toMatchObject({ kind: 'word', hsk: expect.any(Number) });
    expect(segments.find((s) => s.text === '，')).toEqual({ text: '，', start: 17, kind: 'other' });
  });

  it('reads traditional text as words of the dictionary', () => {
    expect(read('他們說這個問題很重要')).toEqual(['他們:ta1 men5', '說:shuo1', '這個:zhe4 ge4', '問題:wen4 ti2', '很:hen3', '重要:zhong4 yao4']);
    expect(annotate(annotator, '說', NUMBERS)[0]?.kind).toBe('word');
  });

  it('gives a traditional word its simplified form, by which saved and known words are kept', () => {
    const segments = annotate(annotator, '他們說峰會很重要', NUMBERS);
    expect(segments.map((s) => [s.text, s.simplified])).toEqual([
      ['他們', '他们'],
      ['說', '说'],
      ['峰會', '峰会'],
      ['很', undefined],
      ['重要', undefined],
    ]);
    expect(annotate(annotator, '他们说峰会很重要', NUMBERS).some((s) => 'simplified' in s)).toBe(false);
  });

  it('keeps UTF-16 offsets right after surrogate pairs', () => {
    const text = '𠀀𠀁中国𠀂人';
    const segments = annotate(annotator, text, NUMBERS);
    expectCover(text, segments);
    expect(segments.find((s) => s.text.startsWith('中'))?.start).toBe(4);
  });

  it('handles numbers and Latin mixed in Han text', () => {
    for (const text of ['2019冠状病毒病', '3D打印', '21世纪海上丝绸之路', '１９９８年１２月', 'ＡＢＣ公司']) {
      const segments = annotate(annotator, text, NUMBERS);
      expectCover(text, segments);
    }
    expect(read('21世纪')).toEqual(['21世纪:shi4 ji4']);
  });

  it('answers bad input with empty or plain results, never throwing', () => {
    expect(annotate(annotator, '', NUMBERS)).toEqual([]);
    expect(annotate(annotator, 'Hello world', NUMBERS).every((s) => s.kind === 'other' && !s.pinyin)).toBe(true);
    for (const text of ['\ud800', '中\udc00国', '\ud800\ud800中', '\u0000']) expectCover(text, annotate(annotator, text, NUMBERS));
    const big = '阿斯塔纳，处处生机盎然。'.repeat(1 << 16);
    expectCover(big, annotate(annotator, big, NUMBERS));
  }, 180_000);

  it('annotates each paragraph of an annotate request on its own, pausing before each', async () => {
    let paused = 0;
    const out = await annotateParagraphs(annotator, ['中国', '', '北京'], NUMBERS, undefined, async () => void paused++);
    // A pause before every paragraph: between them, the worker answers other requests.
    expect(paused).toBe(3);
    expect(out).toHaveLength(3);
    expect(out[0]?.map((s) => s.pinyin)).toEqual([['zhong1', 'guo2']]);
    expect(out[1]).toEqual([]);
  });
});
