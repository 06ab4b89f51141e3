/**
 * Article statistics for the popup: how much of a page's article the reader already knows, and the HSK words they
 * have not met yet. Pure: the content script feeds it the annotated paragraphs and the reader's word states.
 */
import { HAN } from '../dictionary/chars';
import { headwordOf, type Segment } from '../dictionary/types';
import type { WordState } from './domain/known';

/** HSK 3.0 bands: 1–6, and 7 for the single 7–9 band of the official list. */
export const HSK_BANDS = 7;

export interface UnknownWord {
  text: string;
  /** The simplified headword: what is saved or marked known. */
  headword: string;
  /** HSK band 1–7, or 0 for a word off the list. */
  hsk: number;
  /** The sentence of its first occurrence, kept with the word when it is saved. */
  sentence: string;
}

export interface ArticleStats {
  /** Han characters in the article. */
  chars: number;
  /** Running words (dictionary words and names), each occurrence counted. */
  words: number;
  distinctWords: number;
  /** Shares of the running words, 0–1, by the known-word model (lib/domain/known.ts): they add up to 1. */
  knownShare: number;
  learningShare: number;
  unknownShare: number;
  /** Distinct words per HSK band: index 0 is words off the list, index n is HSK n (7 = 7–9). */
  hskProfile: number[];
  /** Distinct unknown words, easiest first (words off the HSK list last), then in order of appearance. */
  unknown: UnknownWord[];
}

/** A word's state for the reader, from its simplified headword and HSK level. */
export type StateOf = (headword: string, hsk: number | undefined) => WordState;

const HAN_ALL = new RegExp(HAN.source, 'gu');
/** Where a sentence ends: Chinese and Western stops, and the closing quotes or brackets that follow them. */
const SENTENCE_END = /[。！？!?…]+[”’」』）)]*|\n/g;

export function countHan(text: string): number {
  return text.match(HAN_ALL)?.length ?? 0;
}

/** The sentence of `text` that holds the UTF-16 offset `at`, trimmed. */
export function sentenceAt(text: string, at: number): string {
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > at) return text.slice(start, end).trim();
    start = end;
  }
  return text.slice(start).trim();
}

const isWord = (s: Segment) => s.kind !== 'other' && countHan(s.text) > 0;

export function articleStats(paragraphs: readonly string[], segments: readonly Segment[][], stateOf: StateOf): ArticleStats {
  const profile = new Array<number>(HSK_BANDS + 1).fill(0);
  const seen = new Set<string>();
  const unknown: UnknownWord[] = [];
  const count: Record<WordState, number> = { known: 0, learning: 0, unknown: 0 };
  let chars = 0;
  let words = 0;
  paragraphs.forEach((text, p) => {
    chars += countHan(text);
    for (const seg of segments[p] ?? []) {
      if (!isWord(seg)) continue;
      words++;
      const headword = headwordOf(seg);
      const state = stateOf(headword, seg.hsk);
      count[state]++;
      if (seen.has(seg.text)) continue;
      seen.add(seg.text);
      const band = seg.hsk && seg.hsk >= 1 ? Math.min(seg.hsk, HSK_BANDS) : 0;
      profile[band] = (profile[band] ?? 0) + 1;
      if (state === 'unknown') unknown.push({ text: seg.text, headword, hsk: band, sentence: sentenceAt(text, seg.start) });
    }
  });
  const share = (n: number) => (words ? n / words : 0);
  const order = (w: UnknownWord) => w.hsk || HSK_BANDS + 1;
  return {
    chars,
    words,
    distinctWords: seen.size,
    knownShare: share(count.known),
    learningShare: share(count.learning),
    unknownShare: share(count.unknown),
    hskProfile: profile,
    // Array.prototype.sort is stable, so words of one band keep their order of appearance.
    unknown: unknown.sort((a, b) => order(a) - order(b)),
  };
}

/** The distinct unknown words: the same word in both scripts counts once. */
export const distinctUnknown = (stats: Pick<ArticleStats, 'unknown'>): string[] => [...new Set(stats.unknown.map((w) => w.headword))];

/** The unknown words a "save all up to HSK n" action takes. */
export function unknownUpTo(stats: Pick<ArticleStats, 'unknown'>, maxHsk: number): UnknownWord[] {
  return stats.unknown.filter((w) => w.hsk >= 1 && w.hsk <= maxHsk);
}
