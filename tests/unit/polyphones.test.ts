import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotate, type Annotator } from '../../dictionary/annotate';
import { compileDictionary } from '../../dictionary/compile';
import { Dictionary } from '../../dictionary/dictionary';
import { loadDictionaryForNode, POLYPHONES_PATH } from '../../dictionary/node';
import { chooseReading, contextualSyllables } from '../../dictionary/pinyin';
import { PolyphoneModel, siteFeatures, trainPolyphones, type PolyphoneExample, type PolyphoneSite } from '../../dictionary/polyphones';
import { segment } from '../../dictionary/segment';
import { loadWordFrequenciesForNode } from '../../dictionary/word-frequencies-node';
import type { PinyinOptions } from '../../dictionary/types';
import { segmentModel } from '../../dictionary/annotate';

const DISPATCH = '/work/shared/fixtures/dispatch/silk-road-dispatch.txt';
const NUMBERS: PinyinOptions = { style: 'numbers', sandhi: false };

/** The site of the first `char` in `text`, inside the word text[wordStart, wordEnd) (the character alone by default). */
function site(text: string, char: string, word = char): PolyphoneSite {
  const wordStart = text.indexOf(word);
  return { text, index: text.indexOf(char, wordStart), wordStart, wordEnd: wordStart + word.length };
}

describe('the polyphone model', () => {
  const model = new PolyphoneModel('的\tR确 di2\tL目 di4\n为\tR# wei2\n');

  it('describes a site by its neighbours, marking missing ones with #', () => {
    expect(siteFeatures(site('我的确知道', '的'))).toEqual(['A', 'L我', 'R确', 'P#我', 'N确知', 'B我_确']);
    expect(siteFeatures(site('目的，', '的', '目的'))).toContain('W目的');
    expect(siteFeatures(site('目的，', '的', '目的'))).toContain('R#');
  });

  it('predicts by the first rule that matches', () => {
    expect(model.predict(site('我的确知道', '的'))).toBe('di2');
    expect(model.predict(site('目的', '的'))).toBe('di4');
    expect(model.predict(site('称之为。', '为'))).toBe('wei2');
  });

  it('gives no reading where no rule matches or the character is not modelled', () => {
    expect(model.predict(site('我的书', '的'))).toBeUndefined();
    expect(model.predict(site('为人民', '为'))).toBeUndefined();
    expect(model.predict(site('银行', '行'))).toBeUndefined();
    expect(model.coversAt('银行', 1)).toBe(false);
    expect(model.coversAt('我的', 1)).toBe(true);
    expect(new PolyphoneModel('').size).toBe(0);
  });

  it('refuses a damaged model', () => {
    expect(() => new PolyphoneModel('的\tR确')).toThrow(/bad rule/);
    expect(() => new PolyphoneModel('的')).toThrow(/bad line/);
    expect(() => compileDictionary({ cedict: { all: [] }, glossary: [], hsk: [], polyphones: '的\t' })).toThrow();
  });
});

describe('training', () => {
  const example = (text: string, char: string, gold: string, base: string): PolyphoneExample => ({ site: site(text, char), gold, base });

  it('learns an exception before the default, over what annotation already reads wrong', () => {
    const examples = [
      example('甲塞乙', '塞', 'sai4', 'se4'),
      example('丙塞丁', '塞', 'sai4', 'se4'),
      example('戊塞己', '塞', 'sai4', 'se4'),
      example('庚塞车', '塞', 'sai1', 'sai1'),
      example('辛塞车', '塞', 'sai1', 'sai1'),
      example('壬塞车', '塞', 'sai1', 'se4'),
      example('癸塞车', '塞', 'sai1', 'se4'),
    ];
    const learned = new PolyphoneModel(trainPolyphones(examples));
    expect(trainPolyphones(examples).split('\t')).toEqual(['塞', 'R车 sai1', 'A sai4\n']);
    expect(learned.predict(site('子塞车', '塞'))).toBe('sai1');
    expect(learned.predict(site('子塞丑', '塞'))).toBe('sai4');
  });

  it('learns nothing where annotation is already right, or from a single example, or from a split vote', () => {
    expect(trainPolyphones([example('甲为乙', '为', 'wei2', 'wei2'), example('丙为丁', '为', 'wei4', 'wei4')])).toBe('');
    expect(trainPolyphones([example('甲为乙', '为', 'wei2', 'wei4')])).toBe('');
    // Right on 3 of 4 is below the precision a rule needs: 为 read wei2 everywhere would misread 为两国 in the news.
    const split = ['甲', '乙', '丙'].map((c) => example(`${c}为子`, '为', 'wei2', 'wei4'));
    expect(trainPolyphones([...split, example('丁为丑', '为', 'wei4', 'wei4')])).not.toContain('A wei2');
  });
});

describe('the model in the artifact and in annotate', () => {
  let annotator: Annotator;
  beforeAll(async () => {
    annotator = { dictionary: await loadDictionaryForNode(), frequencies: loadWordFrequenciesForNode() };
  }, 180_000);

  it('ships the committed model in its own section of the artifact', () => {
    const committed = readFileSync(POLYPHONES_PATH, 'utf8');
    expect(annotator.dictionary.polyphones?.size).toBe(committed.split('\n').filter(Boolean).length);
    expect(annotator.dictionary.polyphones?.size).toBeGreaterThan(20);
    const small = new Dictionary(compileDictionary({ cedict: { all: [] }, glossary: [], hsk: [], polyphones: '的\tA di4\n' }));
    expect(small.polyphones.size).toBe(1);
  });

  it('is applied by annotate to characters the dictionary does not fix, and not to fixed words', () => {
    const withRule: Annotator = { ...annotator, polyphones: new PolyphoneModel('的\tA di4\n') };
    const readings = (a: Annotator, text: string) => annotate(a, text, NUMBERS).map((s) => `${s.text}:${s.pinyin?.join(' ') ?? ''}`);
    expect(readings(withRule, '我的书')).toContain('的:di4');
    expect(readings({ ...annotator, polyphones: null }, '我的书')).toContain('的:de5');
    // 的确 has one dictionary reading: the model is not asked.
    expect(readings(withRule, '的确如此')).toContain('的确:di2 que4');
  });

  it('reads the dispatch as pinyin-pro reading whole paragraphs did, save where the model decides', () => {
    const paragraphs = readFileSync(DISPATCH, 'utf8').split('\n').filter((p) => p.trim());
    const plain: Annotator = { ...annotator, polyphones: null };
    const model = segmentModel(annotator);
    const changed: string[] = [];
    for (const text of paragraphs) {
      // The reference: every word chosen against pinyin-pro's reading of the whole paragraph, as annotate did before
      // it read fixed words without context and polyphones in windows.
      const context = contextualSyllables(text);
      const fast = annotate(plain, text, NUMBERS);
      const withModel = annotate(annotator, text, NUMBERS);
      segment(text, model).forEach((token, k) => {
        const word = text.slice(token.start, token.end);
        const got = fast[k]?.pinyin?.join(' ');
        if (token.kind !== 'han' || !token.known) return;
        const readings = annotator.dictionary.get(word).flatMap((e) => e.readings.map((r) => r.pinyin));
        const indices = [...word].map((_, i) => token.start + i);
        expect(`${word}:${got}`).toBe(`${word}:${chooseReading(word, readings, indices.map((i) => context[i])).join(' ')}`);
        const modelled = withModel[k]?.pinyin?.join(' ');
        if (modelled !== got) changed.push(word);
      });
    }
    // Only characters the model covers change (two on this page: 量 of a wrapped 质量, 供 of a wrapped 提供).
    expect(changed.every((w) => annotator.dictionary.polyphones?.coversAt(w, 0))).toBe(true);
    expect(changed.length).toBeLessThan(10);
  }, 120_000);
});
