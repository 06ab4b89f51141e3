/**
 * The dictionary engine's public contract. The content script, background, store and UI depend on these
 * types only; the engine behind them (artifact format, segmentation, pinyin) is free to change.
 */

/** One pronunciation of a headword with its senses. Pinyin is CC-CEDICT style: numbered, space-separated syllables. */
export interface Reading {
  pinyin: string;
  definitions: string[];
  /** Measure words, e.g. ["个", "座"]; simplified forms. */
  classifiers: string[];
  /** CC-CEDICT marks this reading as a variant of these headwords (箇 → 個/个 ge4). */
  variantOf?: { traditional: string; simplified: string; pinyin: string }[];
}

type EntrySource = 'glossary' | 'cedict' | 'fallback';

/** What the news glossary adds to a set phrase or name that ordinary dictionaries lack or gloss poorly. */
interface GlossaryInfo {
  english: string;
  note: string;
  category: string;
}

export interface DictEntry {
  simplified: string;
  traditional: string;
  /** Grouped by reading: one element per distinct pinyin (case-sensitive, so 张 zhang1 and Zhang1 stay apart). */
  readings: Reading[];
  source: EntrySource;
  /** HSK 3.0 level 1–9 where the word is on the list. */
  hsk?: number;
  glossary?: GlossaryInfo;
  /** For a fallback entry: the longest known parts the text decomposes into. */
  parts?: DictEntry[];
  /** For a fallback entry: the text looks like a transliterated foreign name (托卡耶夫). */
  foreignName?: boolean;
}

/** Every dictionary word that starts at a position; `text` is the matched text as it appears on the page. */
export interface LookupMatch {
  text: string;
  entries: DictEntry[];
  /**
   * The text is a shorter or longer form of this glossary phrase (从严治党, 坚持全面从严治党 → 全面从严治党), whose entry
   * is the match's only entry.
   */
  variantOf?: string;
  /** The reader corrected this word (dictionary/corrections.ts): joined it, or chose its reading. */
  corrected?: 'join' | 'reading';
}

export const PINYIN_STYLES = ['marks', 'numbers', 'zhuyin'] as const;
export type PinyinStyle = (typeof PINYIN_STYLES)[number];

export interface PinyinOptions {
  style: PinyinStyle;
  /** Apply the tone sandhi of 一 and 不 (yī → yí before a fourth tone, …). */
  sandhi: boolean;
}

/** A piece of segmented text. Offsets are UTF-16 indices into the input string. */
export interface Segment {
  text: string;
  start: number;
  /** 'word': a dictionary or glossary word; 'name': a recognised name or unknown Han run; 'other': anything not Han. */
  kind: 'word' | 'name' | 'other';
  /** Per syllable, in the requested style; absent for 'other'. One element per Han character. */
  pinyin?: string[];
  /** The word's HSK level, when known. */
  hsk?: number;
  /** The word in simplified characters, when the page writes it otherwise (traditional): saved and known words are kept by it. */
  simplified?: string;
}

/** The headword a segment counts as among saved and known words, whichever script the page is in. */
export const headwordOf = (segment: Pick<Segment, 'text' | 'simplified'>): string => segment.simplified ?? segment.text;
