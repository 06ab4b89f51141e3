import { describe, expect, it } from 'vitest';
import { numberedToMarks } from '../../dictionary/pinyin-format';

describe('numbered pinyin to tone marks', () => {
  it.each([
    ['feng1 hui4', 'fēng huì'],
    ['ming4 yun4 gong4 tong2 ti3', 'mìng yùn gòng tóng tǐ'],
    ['nu:3 lu:e4', 'nǚ lüè'],
    ['lv4', 'lǜ'],
    ['zhong1 guo2 ren2', 'zhōng guó rén'],
    ['Bei3 jing1', 'Běi jīng'],
    ['dou1 liu2 gui4', 'dōu liú guì'],
    ['de5 r5', 'de r'],
    ['Xi2 Jin4 ping2', 'Xí Jìn píng'],
    ['xiong2', 'xióng'],
    ['A1 er3', 'Ā ěr'],
    ['M P 3', 'M P 3'],
    ['', ''],
  ])('%s → %s', (numbered, marked) => {
    expect(numberedToMarks(numbered)).toBe(marked);
  });
});
