/**
 * Numbered pinyin (CC-CEDICT style, "feng1 hui4", "nu:3", "lu:e4", "r5") to tone marks ("fēng huì", "nǚ", "lüè", "r").
 * Syllables are converted one by one; anything that is not a numbered syllable is kept as it is.
 */
const MARKS: Record<string, string> = {
  a: 'āáǎà',
  e: 'ēéěè',
  i: 'īíǐì',
  o: 'ōóǒò',
  u: 'ūúǔù',
  ü: 'ǖǘǚǜ',
  A: 'ĀÁǍÀ',
  E: 'ĒÉĚÈ',
  I: 'ĪÍǏÌ',
  O: 'ŌÓǑÒ',
  U: 'ŪÚǓÙ',
  Ü: 'ǕǗǙǛ',
};

/** The vowel that carries the mark: a or e if present, o in "ou", else the last vowel. */
function markIndex(syllable: string): number {
  const lower = syllable.toLowerCase();
  const ae = lower.search(/[ae]/);
  if (ae >= 0) return ae;
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i] ?? '')) return i;
  return -1;
}

export function syllableToMarks(numbered: string): string {
  const m = /^([A-Za-zÜü:]+?)([1-5])$/.exec(numbered);
  if (!m) return numbered.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const base = (m[1] ?? '').replace(/u:|v/g, 'ü').replace(/U:|V/g, 'Ü');
  const tone = Number(m[2]);
  if (tone === 5) return base;
  const at = markIndex(base);
  const vowel = base[at];
  const marked = vowel ? MARKS[vowel]?.[tone - 1] : undefined;
  if (!marked) return base;
  return base.slice(0, at) + marked + base.slice(at + 1);
}

export function numberedToMarks(pinyin: string): string {
  return pinyin
    .split(/(\s+)/)
    .map((part) => (/\s/.test(part) ? part : syllableToMarks(part)))
    .join('');
}

const MARK_TONE: Record<string, number> = { '\u0304': 1, '\u0301': 2, '\u030c': 3, '\u0300': 4 };
const ZHUYIN_TONE: Record<string, number> = { 'ˊ': 2, 'ˇ': 3, 'ˋ': 4, '˙': 5 };

/**
 * The tone of one syllable however it is written: numbered (feng1), with a mark (fēng) or in zhuyin (ㄈㄥ, ㄏㄨㄟˋ).
 * 5 is the neutral tone. Used for sandhi and to colour syllables by tone whatever pinyin style the reader chose.
 */
export function toneOf(syllable: string): number {
  const digit = /([1-5])$/.exec(syllable);
  if (digit) return Number(digit[1]);
  for (const char of syllable.normalize('NFD')) {
    const tone = MARK_TONE[char] ?? ZHUYIN_TONE[char];
    if (tone) return tone;
  }
  // Zhuyin leaves the first tone unmarked; a toneless Latin syllable is neutral.
  return /[\u3105-\u312f]/.test(syllable) ? 1 : 5;
}
