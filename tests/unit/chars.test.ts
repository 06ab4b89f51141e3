import { describe, expect, it } from 'vitest';
import { HAN, isHanAt } from '../../dictionary/chars';

describe('a Han character', () => {
  it('is the same for the text-level test and the position test, 々, radicals and the supplementary planes included', () => {
    const samples = ['中', '國', '々', '〇', '⺮', '⼀', '㐀', '豈', '𠀀', '𪚥', '𰀀', '𱍐', 'a', '，', '。', 'ア', 'ー', '·', '1'];
    for (const char of samples) expect(isHanAt(char, 0), char).toBe(HAN.test(char));
    expect(isHanAt('々', 0)).toBe(true);
    expect(isHanAt('𰀀', 0)).toBe(true);
  });

  it('starts only at the first half of a surrogate pair', () => {
    expect(isHanAt('𠀀', 1)).toBe(false);
    expect(isHanAt('a𠀀', 1)).toBe(true);
    expect(isHanAt('\ud840', 0)).toBe(false);
    expect(isHanAt('中', 1)).toBe(false);
  });
});
