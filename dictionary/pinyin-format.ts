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
