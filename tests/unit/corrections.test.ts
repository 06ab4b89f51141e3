import { beforeAll, describe, expect, it } from 'vitest';
import { annotate, segmentModel, type Annotator } from '../../dictionary/annotate';
import { joinWithNext, nextReading, splitIntoPieces, twins } from '../../dictionary/correcting';
import { Corrections, type CorrectionRule } from '../../dictionary/corrections';
import type { Dictionary } from '../../dictionary/dictionary';
import { loadDictionaryForNode } from '../../dictionary/node';
import { segment } from '../../dictionary/segment';
import type { PinyinOptions } from '../../dictionary/types';
import { articleStats } from '../../lib/stats';
import { loadWordFrequenciesForNode } from '../../dictionary/word-frequencies-node';

let dictionary: Dictionary;
let annotator: Annotator;
beforeAll(async () => {
  dictionary = await loadDictionaryForNode();
  annotator = { dictionary, frequencies: loadWordFrequenciesForNode() };
}, 60_000);

const NUMBERS: PinyinOptions = { style: 'numbers', sandhi: true };
const words = (text: string, rules: CorrectionRule[] = []) =>
  annotate(annotator, text, NUMBERS, new Corrections(rules))
    .filter((s) => s.kind !== 'other')
    .map((s) => s.text);
const read = (text: string, rules: CorrectionRule[], style: PinyinOptions['style'] = 'numbers') =>
  annotate(annotator, text, { style, sandhi: true }, new Corrections(rules))
    .filter((s) => s.pinyin)
    .map((s) => `${s.text}:${s.pinyin?.join(' ')}`);

const join = (text: string, traditional = text): CorrectionRule => ({ kind: 'join', text, traditional });
const split = (text: string, pieces: number[], traditional = text): CorrectionRule => ({ kind: 'split', text, traditional, pieces });
const reading = (text: string, syllables: string, traditional = text): CorrectionRule => ({ kind: 'reading', text, traditional, reading: syllables });

const SENTENCE = '第二届中国－中亚峰会召开前夕，中哈命运共同体成色更足。';

describe('corrections of segmentation', () => {
  it('leave the segmentation as it is without any, or where none occurs in the text', () => {
    const plain = segment(SENTENCE, segmentModel(annotator));
    expect(new Corrections().segment(SENTENCE, segmentModel(annotator))).toEqual(plain);
    expect(new Corrections([join('银行行长')]).segment(SENTENCE, segmentModel(annotator))).toEqual(plain);
  });

  it('join two words into one wherever they occur, and split a word into the chosen pieces', () => {
    expect(words(SENTENCE)).toEqual(expect.arrayContaining(['中亚', '峰会', '命运共同体']));
    const corrected = words(SENTENCE, [join('中亚峰会'), split('命运共同体', [2, 3])]);
    expect(corrected).toEqual(expect.arrayContaining(['中亚峰会', '命运', '共同体']));
    expect(corrected).not.toContain('命运共同体');
    expect(corrected).not.toContain('峰会');
    expect(words('中亚峰会和中亚峰会', [join('中亚峰会')])).toEqual(['中亚峰会', '和', '中亚峰会']);
  });

  it('cut the text around a joined span as usual, keeping every character covered once', () => {
    const text = '他们在中亚峰会上发言';
    const segments = annotate(annotator, text, NUMBERS, new Corrections([join('亚峰')]));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => s.text)).toContain('亚峰');
    for (const s of segments) expect(s.pinyin?.length).toBe([...s.text].length);
  });

  it('apply to the traditional twin of the word', () => {
    expect(words('中國－中亞峰會召開', [join('中亚峰会', '中亞峰會')])).toContain('中亞峰會');
    expect(words('人類命運共同體', [split('命运共同体', [2, 3], '命運共同體')])).toEqual(expect.arrayContaining(['命運', '共同體']));
  });

  it('take the longest correction where two start at the same place, and a later rule for the same word wins', () => {
    expect(words('中亚峰会', [join('中亚峰'), join('中亚峰会')])).toEqual(['中亚峰会']);
    expect(words('命运共同体', [split('命运共同体', [2, 3]), split('命运共同体', [4, 1])])).toEqual(['命运共同', '体']);
  });
});

describe('corrections in the article stats', () => {
  it('count a joined word as one running word, and a split one as its pieces', () => {
    const paragraphs = [SENTENCE];
    const stats = (rules: CorrectionRule[]) =>
      articleStats(paragraphs, paragraphs.map((p) => annotate(annotator, p, NUMBERS, new Corrections(rules))), (w) => (w === '中亚峰会' ? 'learning' : 'unknown'));
    const plain = stats([]);
    const corrected = stats([join('中亚峰会'), split('命运共同体', [2, 3])]);
    expect(corrected.words).toBe(plain.words);
    expect(plain.learningShare).toBe(0);
    expect(corrected.learningShare).toBeGreaterThan(0);
  });
});

describe('corrections of readings', () => {
  it('replace the syllables of the word in every style, whatever the context', () => {
    expect(read('中吉两国都是受益者', [])).toContain('都:dou1');
    expect(read('中吉两国都是受益者', [reading('都', 'du1')])).toContain('都:du1');
    expect(read('中吉两国都是受益者', [reading('都', 'du1')], 'marks')).toContain('都:dū');
    expect(read('首都', [reading('都', 'du1')])).toEqual(['首都:shou3 du1']);
  });

  it('win over tone sandhi, and apply to the traditional form', () => {
    expect(read('一个', [])).toEqual(['一个:yi2 ge4']);
    expect(read('一个', [reading('一个', 'yi1 ge4')])).toEqual(['一个:yi1 ge4']);
    expect(read('長遠', [reading('长远', 'zhang3 yuan3', '長遠')])).toEqual(['長遠:zhang3 yuan3']);
  });

  it('are ignored where the syllables do not fit the word', () => {
    expect(read('长远', [reading('长远', 'zhang3')])).toEqual(['长远:chang2 yuan3']);
  });
});

describe('corrections of lookups', () => {
  const corrected = (text: string, rules: CorrectionRule[], pos = 0) =>
    new Corrections(rules).correctMatches(text, pos, dictionary.lookup(text, pos), (t) => dictionary.decompose(t));

  it('offer a joined word first, made of its parts', () => {
    const [first] = corrected('中亚峰会召开', [join('中亚峰会')]);
    expect(first?.text).toBe('中亚峰会');
    expect(first?.corrected).toBe('join');
    expect(first?.entries[0]?.simplified).toBe('中亚峰会');
    expect(first?.entries[0]?.parts?.map((p) => p.simplified)).toEqual(['中亚', '峰会']);
  });

  it('no longer offer a split word', () => {
    expect(corrected('命运共同体', [])[0]?.text).toBe('命运共同体');
    expect(corrected('命运共同体', [split('命运共同体', [2, 3])])[0]?.text).toBe('命运');
  });

  it('put the chosen reading first', () => {
    const plain = dictionary.lookup('都是', 0).find((m) => m.text === '都');
    const first = (rules: CorrectionRule[]) => corrected('都是', rules).find((m) => m.text === '都');
    expect(plain?.corrected).toBeUndefined();
    for (const syllable of ['du1', 'dou1']) {
      const match = first([reading('都', syllable)]);
      expect(match?.corrected).toBe('reading');
      expect(match?.entries[0]?.readings[0]?.pinyin).toBe(syllable);
    }
  });

  it('leave the matches as they are without any', () => {
    const matches = dictionary.lookup('命运共同体', 0);
    expect(new Corrections().correctMatches('命运共同体', 0, matches, (t) => dictionary.decompose(t))).toBe(matches);
  });
});

describe('corrections made from the card', () => {
  const at = (text: string, word: string) => ({ text, pos: text.indexOf(word), length: word.length });

  it('join the word with the next one, in both scripts', () => {
    expect(joinWithNext(dictionary, new Corrections(), at('第二届中国－中亚峰会召开', '中亚'))).toEqual(join('中亚峰会', '中亞峰會'));
    expect(joinWithNext(dictionary, new Corrections(), at('中國－中亞峰會召開', '中亞'))).toEqual(join('中亚峰会', '中亞峰會'));
    expect(joinWithNext(dictionary, new Corrections(), at('中亚峰会。', '峰会'))).toBeNull();
  });

  it('split the word into the longest dictionary words shorter than it, or its characters', () => {
    expect(splitIntoPieces(dictionary, '命运共同体')).toEqual(split('命运共同体', [2, 3], '命運共同體'));
    expect(splitIntoPieces(dictionary, '峰会')).toEqual(split('峰会', [1, 1], '峰會'));
    expect(splitIntoPieces(dictionary, '都')).toBeNull();
  });

  it('give the word its next reading after the one it has in the text, round and round', () => {
    const text = '中吉两国都是受益者';
    const first = nextReading(annotator, dictionary, new Corrections(), at(text, '都'));
    expect(first).toEqual(reading('都', 'du1'));
    const second = nextReading(annotator, dictionary, new Corrections([first as CorrectionRule]), at(text, '都'));
    expect(second).toEqual(reading('都', 'dou1'));
    expect(nextReading(annotator, dictionary, new Corrections(), at('峰会', '峰会'))).toBeNull();
  });

  it('keep a word under its simplified form and traditional twin, piece by piece where the dictionary lacks it whole', () => {
    expect(twins(dictionary, '峰會')).toEqual({ text: '峰会', traditional: '峰會' });
    expect(twins(dictionary, '中亚峰会')).toEqual({ text: '中亚峰会', traditional: '中亞峰會' });
  });
});
