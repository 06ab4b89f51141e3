/**
 * Pinyin of running text, one syllable per Han character.
 *
 * Internally a syllable is lowercase numbered pinyin with ü written out and 5 for the neutral tone ("lü4", "le5");
 * erhua 儿 is "r5". A word's syllables come from the dictionary when it gives the word one reading; when it gives
 * several (行 xing2/hang2, 东西 dong1 xi1/dong1 xi5) or none, pinyin-pro's reading of the whole sentence, which
 * weighs the neighbouring words, decides.
 */
import { pinyin as pinyinPro } from 'pinyin-pro';
import { syllableToMarks, toneOf } from './pinyin-format';
import type { PinyinStyle } from './types';

/** "Lu:4", "nv3", "ma0", "lǚ" (no tone) → "lü4", "nü3", "ma5". Returns undefined for what is not a syllable. */
export function normalizeSyllable(syllable: string): string | undefined {
  const s = syllable.toLowerCase().replace(/u:|v/g, 'ü');
  const m = /^([a-zü]+)([0-5])?$/.exec(s);
  if (!m) return undefined;
  const tone = m[2] === undefined || m[2] === '0' ? '5' : m[2];
  return `${m[1]}${tone}`;
}

/**
 * pinyin-pro's contextual reading of `text`, one entry per UTF-16 index where a Han character starts (undefined
 * elsewhere). Tone sandhi off: it is ours to apply. pinyin-pro's array output has one item per code point (the
 * character itself where it has no reading), which is how items are matched to positions; should it ever not,
 * no contextual reading is given rather than a misplaced one.
 */
export function contextualSyllables(text: string): (string | undefined)[] {
  const out: (string | undefined)[] = new Array<string | undefined>(text.length);
  if (!text) return out;
  const items = pinyinPro(text, { type: 'array', toneType: 'num', toneSandhi: false });
  const chars = [...text];
  if (items.length !== chars.length) return out;
  let at = 0;
  chars.forEach((char, i) => {
    const item = items[i];
    if (item !== undefined && item !== char) out[at] = normalizeSyllable(item);
    at += char.length;
  });
  return out;
}

/** Syllables of a dictionary reading ("Zhong1 guo2" → ["zhong1", "guo2"]), or undefined if not one per character. */
function readingSyllables(reading: string, characters: number): string[] | undefined {
  const syllables: string[] = [];
  for (const part of reading.trim().split(/\s+/)) {
    const s = normalizeSyllable(part);
    if (!s) return undefined;
    syllables.push(s);
  }
  return syllables.length === characters ? syllables : undefined;
}

/**
 * The distinct syllable lists of a word's dictionary readings that have one syllable per character, keyed by their
 * text; lowercase readings first, so that they win ties: a capitalised reading is a proper noun's (华 Hua4 the mountain).
 */
export function readingCandidates(readings: readonly string[], characters: number): Map<string, string[]> {
  const preferred = [...readings.filter((r) => r === r.toLowerCase()), ...readings.filter((r) => r !== r.toLowerCase())];
  const candidates = new Map<string, string[]>();
  for (const reading of preferred) {
    const syllables = readingSyllables(reading, characters);
    if (syllables) candidates.set(syllables.join(' '), syllables);
  }
  return candidates;
}

/**
 * Picks a word's syllables among its dictionary readings: the only one, or the one closest to the contextual
 * reading (明朝 ming2 zhao1 "tomorrow morning" or Ming2 chao2 "the Ming dynasty"). `readings` are CC-CEDICT style.
 */
export function chooseReading(word: string, readings: readonly string[], context: readonly (string | undefined)[]): string[] {
  const characters = context.length;
  const candidates = readingCandidates(readings, characters);
  const fallback = context.map((s) => s ?? '');
  if (candidates.size === 0) return fallback;
  if (candidates.size === 1 && characters > 1) return withFullTones([...candidates.values()][0] ?? fallback, context, word);
  // Several readings, or one character (whose single dictionary reading may be a rare one): context decides,
  // keeping the dictionary's reading where pinyin-pro agrees with it on the letters.
  let best: string[] | undefined;
  let bestScore = -1;
  for (const syllables of candidates.values()) {
    let score = 0;
    syllables.forEach((s, i) => {
      const c = context[i];
      if (c === s) score += 2;
      else if (c && c.slice(0, -1) === s.slice(0, -1)) score += 1;
    });
    if (score > bestScore) {
      best = syllables;
      bestScore = score;
    }
  }
  if (characters === 1 && bestScore < 2 && context[0]) return fallback;
  return best ? withFullTones(best, context, word) : fallback;
}

/**
 * CC-CEDICT writes many optional neutral tones (关系 guan1 xi5, 认识 ren4 shi5) that the standard dictionaries give
 * with their full tone; where the contextual reading has the same syllable with a full tone, it is kept.
 */
function withFullTones(syllables: string[], context: readonly (string | undefined)[], word: string): string[] {
  const chars = [...word];
  return syllables.map((s, i) => {
    const c = context[i];
    if (!s.endsWith('5') || !c || c.endsWith('5') || c.slice(0, -1) !== s.slice(0, -1)) return s;
    return ALWAYS_NEUTRAL.includes(chars[i] ?? '') ? s : c;
  });
}

/** Suffixes and particles whose neutral tone is never optional (他們 ta1 men5, even where the context reads men2). */
const ALWAYS_NEUTRAL = '们們么麼吗嗎呢吧啊的了着著过過';

/**
 * Tone sandhi of 一 and 不 over the syllables of a whole text (`chars[i]` the character of `syllables[i]`):
 * 不 before a fourth tone becomes bú; 一 becomes yí before a fourth tone and yì before the others, except where it is
 * a numeral (第一, 一九九八, 十一, 统一 at a word's end: `wordFinal`).
 */
export function applySandhi(chars: readonly string[], syllables: string[], wordFinal: readonly boolean[]): void {
  const NUMERALS = '〇零一二三四五六七八九十百千万亿第';
  for (let i = 0; i < chars.length; i++) {
    const next = syllables[i + 1];
    const nextChar = chars[i + 1] ?? '';
    if (!next || /\d/.test(nextChar)) continue;
    if (chars[i] === '不' && syllables[i] === 'bu4' && toneOf(next) === 4) syllables[i] = 'bu2';
    if (chars[i] === '一' && syllables[i] === 'yi1' && !wordFinal[i]) {
      if (NUMERALS.includes(chars[i - 1] ?? '\0') || NUMERALS.includes(nextChar)) continue;
      const tone = toneOf(next);
      if (tone === 4 || tone === 5) syllables[i] = 'yi2';
      else if (tone >= 1 && tone <= 3) syllables[i] = 'yi4';
    }
  }
}

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's'];
const ZHUYIN_INITIALS: Record<string, string> = {
  b: 'ㄅ', p: 'ㄆ', m: 'ㄇ', f: 'ㄈ', d: 'ㄉ', t: 'ㄊ', n: 'ㄋ', l: 'ㄌ', g: 'ㄍ', k: 'ㄎ', h: 'ㄏ', j: 'ㄐ', q: 'ㄑ',
  x: 'ㄒ', zh: 'ㄓ', ch: 'ㄔ', sh: 'ㄕ', r: 'ㄖ', z: 'ㄗ', c: 'ㄘ', s: 'ㄙ',
};
/** Finals in their full written form (after y/w and the ü of j/q/x are restored). */
const ZHUYIN_FINALS: Record<string, string> = {
  a: 'ㄚ', o: 'ㄛ', e: 'ㄜ', ê: 'ㄝ', ai: 'ㄞ', ei: 'ㄟ', ao: 'ㄠ', ou: 'ㄡ', an: 'ㄢ', en: 'ㄣ', ang: 'ㄤ', eng: 'ㄥ',
  ong: 'ㄨㄥ', er: 'ㄦ', i: 'ㄧ', ia: 'ㄧㄚ', io: 'ㄧㄛ', ie: 'ㄧㄝ', iai: 'ㄧㄞ', iao: 'ㄧㄠ', iu: 'ㄧㄡ', iou: 'ㄧㄡ',
  ian: 'ㄧㄢ', in: 'ㄧㄣ', iang: 'ㄧㄤ', ing: 'ㄧㄥ', iong: 'ㄩㄥ', u: 'ㄨ', ua: 'ㄨㄚ', uo: 'ㄨㄛ', uai: 'ㄨㄞ',
  ui: 'ㄨㄟ', uei: 'ㄨㄟ', uan: 'ㄨㄢ', un: 'ㄨㄣ', uen: 'ㄨㄣ', uang: 'ㄨㄤ', ueng: 'ㄨㄥ', ü: 'ㄩ', üe: 'ㄩㄝ',
  üan: 'ㄩㄢ', ün: 'ㄩㄣ', m: 'ㄇ', n: 'ㄋ', ng: 'ㄫ', r: 'ㄦ',
};
const ZHUYIN_TONES = ['', '', 'ˊ', 'ˇ', 'ˋ'];

/** "zhong1" → "ㄓㄨㄥ", "le5" → "˙ㄌㄜ", "r5" → "ㄦ". Unknown spellings are returned as they came. */
export function toZhuyin(syllable: string): string {
  const tone = toneOf(syllable);
  const letters = syllable.slice(0, -1);
  if (letters === 'r') return 'ㄦ';
  const initial = INITIALS.find((i) => letters.startsWith(i) && letters.length > i.length) ?? '';
  let final = letters.slice(initial.length);
  if (!initial) {
    // y and w spell the medials i, u, ü at the start of a syllable.
    if (final.startsWith('yu')) final = 'ü' + final.slice(2);
    else if (final.startsWith('yi')) final = final.slice(1);
    else if (final.startsWith('y')) final = 'i' + final.slice(1);
    else if (final.startsWith('wu')) final = final.slice(1);
    else if (final.startsWith('w')) final = 'u' + final.slice(1);
  } else if ('jqx'.includes(initial) && final.startsWith('u')) {
    final = 'ü' + final.slice(1);
  }
  let zhuyin: string | undefined;
  if (initial && final === 'i' && 'zh ch sh r z c s'.split(' ').includes(initial)) zhuyin = ZHUYIN_INITIALS[initial];
  else if (ZHUYIN_FINALS[final] !== undefined) zhuyin = (ZHUYIN_INITIALS[initial] ?? '') + ZHUYIN_FINALS[final];
  if (zhuyin === undefined) return syllable;
  return tone === 5 ? `˙${zhuyin}` : zhuyin + (ZHUYIN_TONES[tone] ?? '');
}

/**
 * A normalised syllable in the reader's style. Numbers keep ü and write the neutral tone as 5 ("lü4", "le5"), the
 * CC-CEDICT convention except for u: which readers do not expect; r-coloured 儿 is "r" in marks.
 */
export function formatSyllable(syllable: string, style: PinyinStyle): string {
  if (!syllable || style === 'numbers') return syllable;
  const cache = style === 'zhuyin' ? zhuyinCache : marksCache;
  let formatted = cache.get(syllable);
  if (formatted === undefined) {
    formatted = style === 'zhuyin' ? toZhuyin(syllable) : syllableToMarks(syllable);
    // Mandarin has some 1,300 toned syllables; anything past that is not worth keeping.
    if (cache.size < 4096) cache.set(syllable, formatted);
  }
  return formatted;
}

const marksCache = new Map<string, string>();
const zhuyinCache = new Map<string, string>();
