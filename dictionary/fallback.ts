/**
 * What the engine answers for text that neither CC-CEDICT nor the glossary has as one word: its longest known parts,
 * and whether it reads as a transliterated foreign name.
 */
import { charLengthAt, isTransliterationChar } from './chars';
import type { DictEntry, Reading } from './types';

/** The part of the Dictionary that the fallback needs. */
export interface Lexicon {
  wordLengthsAt(text: string, pos: number, out?: number[]): number[];
  get(word: string): DictEntry[];
}

/** Shortest run of transliteration characters taken for a name; two-character runs are too often ordinary words. */
const MIN_NAME = 3;
const MAX_NAME = 16;
/** decompose() is for words and phrases: beyond this the rest of the text is one part with no reading. */
const MAX_DECOMPOSE = 1024;

export function unknownCharEntry(text: string): DictEntry {
  return { simplified: text, traditional: text, readings: [], source: 'fallback' };
}

/** Longest known word at each step, left to right; runs with no known word become one unknown part. */
function longestParts(lex: Lexicon, text: string): DictEntry[] {
  const parts: DictEntry[] = [];
  const lengths: number[] = [];
  const end = Math.min(text.length, MAX_DECOMPOSE);
  let i = 0;
  while (i < end) {
    const length = lex.wordLengthsAt(text, i, lengths)[0];
    if (length) {
      parts.push(lex.get(text.slice(i, i + length))[0] ?? unknownCharEntry(text.slice(i, i + length)));
      i += length;
      continue;
    }
    let j = i + charLengthAt(text, i);
    while (j < end && lex.wordLengthsAt(text, j, lengths).length === 0) j += charLengthAt(text, j);
    parts.push(unknownCharEntry(text.slice(i, j)));
    i = j;
  }
  if (end < text.length) parts.push(unknownCharEntry(text.slice(end)));
  return parts;
}

const isCommonWord = (e: DictEntry) => e.source !== 'fallback' && e.readings.some((r) => /^[a-z]/.test(r.pinyin));

/**
 * A run of transliteration characters is a name unless ordinary words cover at least half of it
 * (特别多 is 特别 + 多, not a name; 托卡耶夫 has no ordinary word in it).
 */
function readsAsName(lex: Lexicon, run: string, parts = longestParts(lex, run)): boolean {
  if (run.length < MIN_NAME || ![...run].every(isTransliterationChar)) return false;
  const covered = parts.reduce((n, p) => n + (p.simplified.length > 1 && isCommonWord(p) ? p.simplified.length : 0), 0);
  return covered * 2 < run.length;
}

/** True when an ordinary word of two or more characters starts at `pos` and runs past `end` (多 in 奥尔扎斯多次). */
function commonWordCrosses(lex: Lexicon, text: string, pos: number, end: number): boolean {
  return lex.wordLengthsAt(text, pos).some((length) => pos + length > end && lex.get(text.slice(pos, pos + length)).some(isCommonWord));
}

/**
 * Length of the transliterated-name run starting at `pos`, or 0. A run starts where the previous character is not a
 * transliteration character (so the middle of a name is not another name), is not taken when a dictionary word of
 * three or more characters already starts there (乌兹别克斯坦), stops before such a word inside it (达 | 阿斯塔纳), and
 * gives up trailing characters that begin an ordinary word running on past it.
 */
export function foreignNameRunAt(lex: Lexicon, text: string, pos: number): number {
  if (!isTransliterationChar(text.charAt(pos)) || (pos > 0 && isTransliterationChar(text.charAt(pos - 1)))) return 0;
  if ((lex.wordLengthsAt(text, pos)[0] ?? 0) >= MIN_NAME) return 0;
  let end = pos;
  while (end < text.length && end - pos < MAX_NAME && isTransliterationChar(text.charAt(end))) {
    if (end > pos && (lex.wordLengthsAt(text, end)[0] ?? 0) >= MIN_NAME) break;
    end++;
  }
  while (end - pos >= MIN_NAME && commonWordCrosses(lex, text, end - 1, end)) end--;
  if (end - pos < MIN_NAME) return 0;
  return readsAsName(lex, text.slice(pos, end)) ? end - pos : 0;
}

/** For a name the characters' ordinary readings (卡 ka3, not the surname); otherwise the entry's first reading. */
function partReading(part: DictEntry, forName: boolean): Reading | undefined {
  return (forName && part.readings.find((r) => /^[a-z]/.test(r.pinyin))) || part.readings[0];
}

const gloss = (part: DictEntry) => part.glossary?.english ?? part.readings[0]?.definitions[0] ?? '';

export function decomposeText(lex: Lexicon, text: string): DictEntry {
  const parts = longestParts(lex, text);
  const foreignName = readsAsName(lex, text, parts);
  const entry: DictEntry = {
    simplified: parts.map((p) => p.simplified).join(''),
    traditional: parts.map((p) => p.traditional).join(''),
    readings: [],
    source: 'fallback',
    parts,
  };
  if (parts.length === 0) return entry;
  let pinyin = parts.map((p) => partReading(p, foreignName)?.pinyin ?? p.simplified).join(' ');
  if (foreignName) pinyin = pinyin.charAt(0).toUpperCase() + pinyin.slice(1);
  const definitions = foreignName
    ? ['transliterated foreign name']
    : [parts.map((p) => [p.simplified, gloss(p)].filter(Boolean).join(' ')).join(' + ')];
  entry.readings.push({ pinyin, definitions, classifiers: [] });
  if (foreignName) entry.foreignName = true;
  return entry;
}
