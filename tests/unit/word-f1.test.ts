import { describe, expect, it } from 'vitest';
import { scoreWords } from '../../bench/word-f1';

describe('scoreWords', () => {
  it('counts a word right only when both its ends match', () => {
    const s = scoreWords([['中国', '人民', '银行']], [['中国', '人民银行']]);
    expect(s).toMatchObject({ gold: 3, predicted: 2, correct: 1 });
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.f1).toBeCloseTo(0.4);
  });

  it('scores a perfect cut 1 and ignores spaces', () => {
    expect(scoreWords([['我', '爱', '北京']], [['我', ' ', '爱', '北京']]).f1).toBe(1);
  });

  it('refuses predictions that do not spell the gold sentence', () => {
    expect(() => scoreWords([['我们']], [['你们']])).toThrow(/spell/);
    expect(() => scoreWords([['我们']], [])).toThrow(/sentences/);
  });
});
