import { beforeAll, describe, expect, it } from 'vitest';
import { compileDictionary, type CedictData } from '../../dictionary/compile';
import { Dictionary } from '../../dictionary/dictionary';
import type { GlossaryRecord } from '../../dictionary/glossary/parse';
import { loadDictionaryForNode } from '../../dictionary/node';
import type { LookupMatch } from '../../dictionary/types';
import { compileVariantIndex, MIN_CORE } from '../../dictionary/variants';

function record(simplified: string, traditional: string): GlossaryRecord {
  return { simplified, traditional, pinyin: '', english: `the phrase ${simplified}`, note: 'A note.', category: 'test', where: 'test.tsv:2' };
}

const cedict = (rows: [string, string][]): CedictData => ({ all: rows.map(([traditional, simplified]) => [traditional, simplified, 'x1', 'a word', [], []]) });

/** Invented phrases, none of them in the glossary: the rule must not depend on what the glossary lists. */
const PHRASES = [record('全面振兴东北', '全面振興東北'), record('数字治理体系', '數字治理體系'), record('建设性对话', '建設性對話'), record('推进边疆治理', '推進邊疆治理')];
const WORDS = cedict([
  ['全面', '全面'],
  ['堅持', '坚持'],
  ['推動', '推动'],
  ['推進', '推进'],
  ['加快', '加快'],
  ['建設', '建设'],
  ['建設性', '建设性'],
  ['振興', '振兴'],
  ['對話', '对话'],
]);

const variantOf = (matches: LookupMatch[]) => matches.filter((m) => m.variantOf).map((m) => [m.text, m.variantOf]);

describe('the variant index (compile time)', () => {
  const isWord = (text: string) => WORDS.all.some(([, simplified]) => simplified === text);
  const traditionalOf = (q: string) => WORDS.all.filter(([, simplified]) => simplified === q).map(([traditional]) => traditional);
  const index = compileVariantIndex(PHRASES, traditionalOf, isWord);

  it('maps each core left by stripping leading qualifiers, in both scripts, to its phrase', () => {
    expect(index.cores).toEqual({ 振兴东北: '全面振兴东北', 振興東北: '全面振兴东北', 边疆治理: '推进边疆治理', 邊疆治理: '推进边疆治理' });
    expect(index.maxCoreLength).toBe(4);
  });

  it('knows the qualifiers in traditional characters too, longest first', () => {
    expect(index.qualifiers).toContain('推進');
    expect(index.qualifiers).toContain('堅持');
    expect(index.qualifiers[0]?.length).toBeGreaterThan(2);
  });

  it('does not strip a qualifier that only starts a longer word (建设 in 建设性) or that a conjunction joins to the next verb, nor leave a core under MIN_CORE', () => {
    expect(Object.values(index.cores)).not.toContain('建设性对话');
    expect(compileVariantIndex([record('坚持和振兴东北', '堅持和振興東北')], traditionalOf, isWord).cores).toEqual({});
    const short = compileVariantIndex([record('全面振兴', '全面振興')], traditionalOf, isWord);
    expect(MIN_CORE).toBe(3);
    expect(short.cores).toEqual({});
  });

  it('does not take the head that several phrases share for a form of one of them', () => {
    const partnerships = [record('全面伙伴协定', '全面夥伴協定'), record('海洋伙伴协定', '海洋夥伴協定')];
    expect(compileVariantIndex(partnerships, traditionalOf, isWord).cores).toEqual({});
    expect(compileVariantIndex(partnerships.slice(0, 1), traditionalOf, isWord).cores).toEqual({ 伙伴协定: '全面伙伴协定', 夥伴協定: '全面伙伴协定' });
  });

  it('gives a core shared by two phrases to the shorter one, and never indexes a core that is a phrase itself', () => {
    const shared = compileVariantIndex([record('坚持推进边疆治理', '堅持推進邊疆治理'), ...PHRASES], traditionalOf, isWord);
    expect(shared.cores['边疆治理']).toBe('推进边疆治理');
    expect(Object.hasOwn(shared.cores, '推进边疆治理')).toBe(false);
  });
});

describe('looking up a shorter or longer form (small dictionary)', () => {
  const d = new Dictionary(compileDictionary({ cedict: WORDS, glossary: PHRASES, hsk: [] }));

  it('finds the phrase from its shorter form, first and marked, before the pieces', () => {
    const matches = d.lookup('振兴东北老工业基地');
    expect(matches[0]).toMatchObject({ text: '振兴东北', variantOf: '全面振兴东北' });
    expect(matches[0]?.entries.map((e) => [e.simplified, e.source])).toEqual([['全面振兴东北', 'glossary']]);
    expect(matches.map((m) => m.text)).toContain('振兴');
  });

  it('lists a longer form after the words at the pointer: the qualifier keeps its gloss', () => {
    expect(d.lookup('推动振兴东北').map((m) => [m.text, m.variantOf])).toEqual([
      ['推动', undefined],
      ['推动振兴东北', '全面振兴东北'],
    ]);
  });

  it('finds the phrase from a longer form: one or more qualifiers added, before the phrase or before its core', () => {
    expect(variantOf(d.lookup('坚持全面振兴东北。'))).toEqual([['坚持全面振兴东北', '全面振兴东北']]);
    expect(variantOf(d.lookup('推动振兴东北'))).toEqual([['推动振兴东北', '全面振兴东北']]);
    expect(variantOf(d.lookup('加快建设数字治理体系'))).toEqual([['加快建设数字治理体系', '数字治理体系']]);
  });

  it('works on traditional text', () => {
    expect(variantOf(d.lookup('堅持振興東北'))).toEqual([['堅持振興東北', '全面振兴东北']]);
    expect(variantOf(d.lookup('推進邊疆治理'))).toEqual([]);
    expect(d.lookup('推進邊疆治理')[0]?.entries[0]?.simplified).toBe('推进边疆治理');
  });

  it('adds nothing when the phrase itself is there, or when no phrase follows the qualifiers', () => {
    expect(variantOf(d.lookup('全面振兴东北'))).toEqual([]);
    expect(variantOf(d.lookup('数字治理体系'))).toEqual([]);
    expect(variantOf(d.lookup('坚持推动振兴'))).toEqual([]);
    expect(variantOf(d.lookup('建设性对话'))).toEqual([]);
    expect(variantOf(d.lookup('性对话'))).toEqual([]);
  });

  it('puts a variant after an exact word of the same length', () => {
    const withWord = new Dictionary(compileDictionary({ cedict: cedict([...WORDS.all.map(([t, s]) => [t, s] as [string, string]), ['振興東北', '振兴东北']]), glossary: PHRASES, hsk: [] }));
    const matches = withWord.lookup('振兴东北');
    expect(matches.map((m) => [m.text, m.variantOf])).toEqual([
      ['振兴东北', undefined],
      ['振兴东北', '全面振兴东北'],
      ['振兴', undefined],
    ]);
  });
});

describe('forms of the real glossary phrases (full dictionary)', () => {
  let dict: Dictionary;
  beforeAll(async () => {
    dict = await loadDictionaryForNode();
  }, 600_000);
  const firstVariant = (text: string) => variantOf(dict.lookup(text))[0];

  it.each([
    ['从严治党', '从严治党', '全面从严治党'],
    ['坚持全面从严治党', '坚持全面从严治党', '全面从严治党'],
    ['從嚴治黨', '從嚴治黨', '全面从严治党'],
    ['推动构建人类命运共同体', '推动构建人类命运共同体', '构建人类命运共同体'],
    ['加快构建新发展格局', '加快构建新发展格局', '新发展格局'],
    ['推动高质量发展，', '推动高质量发展', '高质量发展'],
    ['深化改革，', '深化改革', '全面深化改革'],
    ['深化改革开放', '深化改革开放', '改革开放'],
  ])('%s → form of the glossary phrase', (text, form, phrase) => {
    expect(firstVariant(text)).toEqual([form, phrase]);
  });

  it('leaves ordinary words alone', () => {
    for (const text of ['发展经济', '改革', '建设性作用', '全面发展']) expect(variantOf(dict.lookup(text))).toEqual([]);
  });
});
