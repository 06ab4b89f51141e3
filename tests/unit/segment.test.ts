import { beforeAll, describe, expect, it } from 'vitest';
import { segmentModel } from '../../dictionary/annotate';
import { loadDictionaryForNode } from '../../dictionary/node';
import { segment, type SegmentModel } from '../../dictionary/segment';
import { loadWordFrequenciesForNode } from '../../dictionary/word-frequencies-node';
import { compileWordFrequencies, WordFrequencies } from '../../dictionary/word-frequencies';

let model: SegmentModel;

beforeAll(async () => {
  model = segmentModel({ dictionary: await loadDictionaryForNode(), frequencies: loadWordFrequenciesForNode() });
}, 60_000);

const words = (text: string) => segment(text, model).map((t) => text.slice(t.start, t.end));

describe('segment', () => {
  it('cuts sentences of the dispatch into words, glossary phrases whole', () => {
    expect(words('中哈命运共同体')).toEqual(['中哈', '命运共同体']);
    expect(words('高质量推进中吉乌铁路建设')).toEqual(['高质量', '推进', '中吉乌铁路', '建设']);
    expect(words('两国人民的获得感')).toContain('获得感');
  });

  it('reads names: surname + given name, transliterated foreign names', () => {
    expect(words('应哈萨克斯坦总统托卡耶夫邀请')).toEqual(['应', '哈萨克斯坦', '总统', '托卡耶夫', '邀请']);
    expect(words('王思斌说')).toEqual(['王思斌', '说']);
  });

  it('keeps numbers with their units and dates whole, full-width or not', () => {
    expect(words('１９９８年１２月３１日，增长１７％。')).toEqual(['１９９８年１２月３１日', '，', '增长', '１７％', '。']);
    expect(words('占20.5%')).toEqual(['占', '20.5%']);
    expect(words('２０多个国家')).toEqual(['２０多个', '国家']);
    expect(words('二十五')).toEqual(['二十五']);
    expect(words('一九九七年十一月八日，百分之六十二点五')).toEqual(['一九九七年十一月八日', '，', '百分之六十二点五']);
  });

  it('keeps Latin and alphanumeric runs whole next to Han text', () => {
    expect(words('2019冠状病毒病')[0]).toBe('2019');
    expect(words('3D打印')).toEqual(['3D', '打印']);
    expect(words('21世纪海上丝绸之路')).toEqual(['21世纪', '海上丝绸之路']);
    expect(words('COVID-19疫情')).toEqual(['COVID-19', '疫情']);
  });

  it('cuts traditional text as it cuts the same text in simplified characters', () => {
    const pairs = [
      ['区域内贸易持续增长，互联互通网络不断完善。', '區域內貿易持續增長，互聯互通網絡不斷完善。'],
      ['峰会发表联合声明，宣布将在教育、卫生、旅游和数字经济等领域开展更多合作项目。', '峰會發表聯合聲明，宣佈將在教育、衛生、旅遊和數字經濟等領域開展更多合作項目。'],
      ['与会各方表示，要推动构建更加紧密的命运共同体。', '與會各方表示，要推動構建更加緊密的命運共同體。'],
      ['他们说这个问题很重要', '他們說這個問題很重要'],
    ];
    const cuts = (text: string) => segment(text, model).map((t) => t.end);
    for (const [simplified, traditional] of pairs) expect(cuts(traditional as string)).toEqual(cuts(simplified as string));
  });

  it('marks token kinds and which Han words are known', () => {
    const tokens = segment('中国 abc，１７％', model);
    expect(tokens.map((t) => t.kind)).toEqual(['han', 'space', 'alnum', 'punct', 'number']);
    expect(tokens[0]?.known).toBe(true);
  });

  it('covers any input exactly and never throws', () => {
    const inputs = [
      '',
      'Hello, world!',
      '\ud800中\udc00国',
      '𠀀𠀁中国𠀂',
      '中国人民，一九九八年增长１７％。'.repeat(1 << 16),
      '……——“”',
      '\u0000\uffff',
    ];
    for (const text of inputs) {
      let at = 0;
      let gapless = true;
      for (const t of segment(text, model)) {
        gapless &&= t.start === at && t.end > t.start;
        at = t.end;
      }
      expect(gapless).toBe(true);
      expect(at).toBe(text.length);
    }
    expect(segment('', model)).toEqual([]);
  }, 120_000);

  it('never splits a surrogate pair', () => {
    const text = '𠀀𠀁中国𠀂';
    for (const t of segment(text, model)) {
      expect(text.slice(t.start, t.end).isWellFormed()).toBe(true);
    }
  });
});

describe('word frequencies', () => {
  it('compiles jieba lines to a compact artifact that reads back', () => {
    const compiled = compileWordFrequencies('中国 1000 ns\n国 10 n\n稀词 3 n\nAT&T 30 nz\n\n坏行\n');
    const f = new WordFrequencies(compiled);
    expect(f.size).toBe(2);
    expect(f.logProb('AT&T')).toBeUndefined();
    // Words at jieba's floor count are left out but still count towards the total.
    expect(f.logProb('稀词')).toBeUndefined();
    // Counts are kept to a quarter of a natural log unit.
    expect(Math.abs((f.logProb('中国') ?? 0) - Math.log(1000 / 1013))).toBeLessThan(0.15);
    expect(f.logProb('国')).toBeLessThan(f.logProb('中国') ?? 0);
    const found: number[] = [];
    f.forEachWordAt('中国人', 0, 3, (length) => found.push(length));
    expect(found).toEqual([2]);
  });

  it('rejects what is not an artifact', () => {
    expect(() => new WordFrequencies(new TextEncoder().encode('hello, this is no artifact'))).toThrow(/artifact/);
  });
});
