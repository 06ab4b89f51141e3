import { describe, expect, it } from 'vitest';
import { quantityAt } from '../../dictionary/numbers';

/** Real forms from the sample dispatch and the fixture pages, hovered on their first and last characters. */
const AMOUNTS: [text: string, figures: string, english: string][] = [
  ['3.2万亿元', '3,200,000,000,000', '3.2 trillion yuan'],
  ['1.5亿', '150,000,000', '150 million'],
  ['两千三百万', '23,000,000', '23 million'],
  ['9200亿千瓦时', '920,000,000,000', '920 billion kWh'],
  ['10万亿美元', '10,000,000,000,000', '10 trillion US dollars'],
  ['1700万欧元', '17,000,000', '17 million euros'],
  ['18.7万辆', '187,000', '187,000 vehicles'],
  ['29.9亿股', '2,990,000,000', '2.99 billion shares'],
  ['39.66亿元', '3,966,000,000', '3.966 billion yuan'],
  ['96.5万人', '965,000', '965,000 people'],
  ['一亿三千万人', '130,000,000', '130 million people'],
  ['一万五千', '15,000', '15,000'],
  ['5万多元', '50,000+', 'over 50,000 yuan'],
  ['两百多万', '2,000,000+', 'over 2 million'],
  ['1万2千多', '12,000+', 'over 12,000'],
  ['三万五', '35,000', '35,000'],
  ['一千零五', '1,005', '1,005'],
  ['八百亿', '80,000,000,000', '80 billion'],
  ['１２０万吨', '1,200,000', '1.2 million tonnes'],
  ['1,700万', '17,000,000', '17 million'],
  ['壹仟贰佰万元', '12,000,000', '12 million yuan'],
  ['3121亿美元', '312,100,000,000', '312.1 billion US dollars'],
];

describe('amounts written with 万 and 亿', () => {
  it.each(AMOUNTS)('%s reads as %s (%s) from any of its characters', (text, figures, english) => {
    const sentence = `据统计，${text}，同比增长。`;
    const start = sentence.indexOf(text);
    for (const pos of [start, start + text.length - 1]) {
      const found = quantityAt(sentence, pos);
      expect(found, `${text} at ${pos - start}`).toMatchObject({ kind: 'amount', text, start, figures, english });
    }
  });

  it('leaves plain figures, words made of numerals and the comma between clauses alone', () => {
    for (const [text, pos] of [
      ['2019年', 1], // figures already
      ['第80周年', 2],
      ['千万不要', 0], // "by all means"
      ['万一下雨', 0], // "in case"
      ['一带一路', 0],
      ['二十', 0], // plain numerals without 百/千/万/亿 are read at a glance
      ['统一', 1],
    ] as const) {
      expect(quantityAt(text, pos), text).toBeNull();
    }
    expect(quantityAt('增长3，5万人', 2)).toBeNull();
    expect(quantityAt('增长3，5万人', 4)).toMatchObject({ text: '5万人', figures: '50,000' });
  });

  it('reads the whole expression from the pointer in its middle, not its tail', () => {
    const text = '全国有一亿三千万人参加';
    expect(quantityAt(text, text.indexOf('千'))).toMatchObject({ text: '一亿三千万人', figures: '130,000,000' });
  });
});

describe('dates in Chinese numerals and ROC years', () => {
  it.each([
    ['二〇二五年六月十七日', '2025-06-17', '17 June 2025'],
    ['二〇一三年九月', '2013-09', 'September 2013'],
    ['二零二四年', '2024', '2024'],
    ['民国114年', '2025', '2025'],
    ['民國三十八年十月一日', '1949-10-01', '1 October 1949'],
    ['民国38年10月1日', '1949-10-01', '1 October 1949'],
    ['六月十七日', '06-17', '17 June'],
    ['十二月三十一日', '12-31', '31 December'],
  ])('%s is %s (%s)', (text, figures, english) => {
    const sentence = `于${text}举行`;
    for (const pos of [1, text.length]) {
      expect(quantityAt(sentence, pos), `${text} at ${pos}`).toMatchObject({ kind: 'date', text, figures, english });
    }
  });

  it('refuses days a month does not have and leaves dates in figures alone', () => {
    expect(quantityAt('二月三十日', 0)).toBeNull();
    expect(quantityAt('二〇二三年二月二十九日', 0)).toMatchObject({ figures: '2023-02', text: '二〇二三年二月' });
    expect(quantityAt('二〇二四年二月二十九日', 0)).toMatchObject({ figures: '2024-02-29' });
    expect(quantityAt('6月17日电', 0)).toBeNull();
    expect(quantityAt('中国2025年', 2)).toBeNull();
  });
});

describe('hostile input', () => {
  it('answers null for empty text, positions outside it, lone surrogates and runs longer than any amount', () => {
    expect(quantityAt('', 0)).toBeNull();
    expect(quantityAt('3万', -1)).toBeNull();
    expect(quantityAt('3万', 5)).toBeNull();
    expect(quantityAt('\ud800万', 1)).toBeNull();
    const huge = '9'.repeat(100_000) + '亿';
    expect(quantityAt(huge, huge.length - 1)).toBeNull();
  });
});
