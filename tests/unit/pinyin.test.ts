import { describe, expect, it } from 'vitest';
import { applySandhi, chooseReading, contextualSyllables, formatSyllable, normalizeSyllable, toZhuyin } from '../../dictionary/pinyin';

describe('normalizeSyllable', () => {
  it('writes ü, lowercase and 5 for the neutral tone', () => {
    expect(normalizeSyllable('lu:4')).toBe('lü4');
    expect(normalizeSyllable('nv3')).toBe('nü3');
    expect(normalizeSyllable('Zhong1')).toBe('zhong1');
    expect(normalizeSyllable('men0')).toBe('men5');
    expect(normalizeSyllable('de')).toBe('de5');
    expect(normalizeSyllable('，')).toBeUndefined();
  });
});

describe('contextualSyllables', () => {
  it('puts each reading at the UTF-16 index of its character, past emoji and unknown characters', () => {
    const out = contextualSyllables('😀银行a𠀀行动');
    expect(out[2]).toBe('yin2');
    expect(out[3]).toBe('hang2');
    expect(out[5]).toBeUndefined();
    expect(out[7]).toBe('xing2');
    expect(out).toHaveLength(9);
    expect(contextualSyllables('')).toEqual([]);
  });
});

describe('chooseReading', () => {
  it('takes the one dictionary reading of a word', () => {
    expect(chooseReading('银行', ['yin2 hang2'], ['yin2', 'xing2'])).toEqual(['yin2', 'hang2']);
  });

  it('lets the context choose between a common word and a proper noun', () => {
    expect(chooseReading('明朝', ['ming2 zhao1', 'Ming2 chao2'], ['ming2', 'chao2'])).toEqual(['ming2', 'chao2']);
    expect(chooseReading('明朝', ['ming2 zhao1', 'Ming2 chao2'], ['ming2', 'zhao1'])).toEqual(['ming2', 'zhao1']);
  });

  it('prefers lowercase readings on a tie; a word with only capitalised ones is a name', () => {
    expect(chooseReading('华', ['Hua2', 'hua2'], ['hua2'])).toEqual(['hua2']);
    expect(chooseReading('中国', ['Zhong1 guo2'], ['zhong1', 'guo2'])).toEqual(['zhong1', 'guo2']);
  });

  it('lets the context choose among several readings, keeping the dictionary tone', () => {
    expect(chooseReading('长大', ['chang2 da4', 'zhang3 da4'], ['zhang3', 'da4'])).toEqual(['zhang3', 'da4']);
    expect(chooseReading('东西', ['dong1 xi1', 'dong1 xi5'], ['dong1', 'xi5'])).toEqual(['dong1', 'xi5']);
    expect(chooseReading('了', ['le5', 'liao3'], ['liao3'])).toEqual(['liao3']);
  });

  it('keeps full tones where the neutral one is optional, but not on particles and suffixes', () => {
    expect(chooseReading('关系', ['guan1 xi5'], ['guan1', 'xi4'])).toEqual(['guan1', 'xi4']);
    expect(chooseReading('他們', ['ta1 men5'], ['ta1', 'men2'])).toEqual(['ta1', 'men5']);
  });

  it('falls back to the context when no reading fits the word', () => {
    expect(chooseReading('托卡', [], ['tuo1', 'ka3'])).toEqual(['tuo1', 'ka3']);
    expect(chooseReading('卡拉', ['ka3 la1 O K'], ['ka3', 'la1'])).toEqual(['ka3', 'la1']);
  });
});

describe('applySandhi', () => {
  const run = (chars: string, syllables: string[], finals: boolean[] = []) => {
    const out = [...syllables];
    applySandhi([...chars], out, [...chars].map((_, i) => finals[i] ?? false));
    return out;
  };
  it('turns 不 before a fourth tone into bu2', () => {
    expect(run('不对', ['bu4', 'dui4'])).toEqual(['bu2', 'dui4']);
    expect(run('不好', ['bu4', 'hao3'])).toEqual(['bu4', 'hao3']);
  });
  it('reads 一 as yi2 before a fourth tone and yi4 before the others', () => {
    expect(run('一样', ['yi1', 'yang4'])).toEqual(['yi2', 'yang4']);
    expect(run('一天', ['yi1', 'tian1'])).toEqual(['yi4', 'tian1']);
  });
  it('leaves 一 as a numeral alone', () => {
    expect(run('第一次', ['di4', 'yi1', 'ci4'])).toEqual(['di4', 'yi1', 'ci4']);
    expect(run('一九', ['yi1', 'jiu3'])).toEqual(['yi1', 'jiu3']);
    expect(run('统一是', ['tong3', 'yi1', 'shi4'], [false, true])).toEqual(['tong3', 'yi1', 'shi4']);
    expect(run('一', ['yi1'])).toEqual(['yi1']);
  });
});

describe('styles', () => {
  it('writes tone marks with ü', () => {
    expect(formatSyllable('lü4', 'marks')).toBe('lǜ');
    expect(formatSyllable('zhong1', 'marks')).toBe('zhōng');
    expect(formatSyllable('le5', 'marks')).toBe('le');
    expect(formatSyllable('r5', 'marks')).toBe('r');
  });
  it('keeps numbers as lü4 / le5', () => {
    expect(formatSyllable('lü4', 'numbers')).toBe('lü4');
  });
  it('writes zhuyin', () => {
    expect(toZhuyin('zhong1')).toBe('ㄓㄨㄥ');
    expect(toZhuyin('guo2')).toBe('ㄍㄨㄛˊ');
    expect(toZhuyin('le5')).toBe('˙ㄌㄜ');
    expect(toZhuyin('shi4')).toBe('ㄕˋ');
    expect(toZhuyin('xue2')).toBe('ㄒㄩㄝˊ');
    expect(toZhuyin('you3')).toBe('ㄧㄡˇ');
    expect(toZhuyin('wei4')).toBe('ㄨㄟˋ');
    expect(toZhuyin('yuan2')).toBe('ㄩㄢˊ');
    expect(toZhuyin('liu2')).toBe('ㄌㄧㄡˊ');
    expect(toZhuyin('lü4')).toBe('ㄌㄩˋ');
    expect(toZhuyin('er2')).toBe('ㄦˊ');
    expect(toZhuyin('r5')).toBe('ㄦ');
    expect(formatSyllable('', 'zhuyin')).toBe('');
  });
});
