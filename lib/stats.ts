/**
 * Article statistics for the popup: how much of a page's article the reader already knows, and the HSK words they
 * have not met yet. Pure: the content script feeds it the annotated paragraphs and the reader's word states.
 */
import { HAN } from '../dictionary/chars';
import { headwordOf, type Segment } from '../dictionary/types';

/** HSK 3.0 bands: 1–6, and 7 for the single 7–9 band of the official list. */
export const HSK_BANDS = 7;

export interface UnknownWord {
  text: string;
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
  /** Shares of the running words, 0–1: marked known; saved for study (and not known). */
  knownShare: number;
  savedShare: number;
  /** Distinct words per HSK band: index 0 is words off the list, index n is HSK n (7 = 7–9). */
  hskProfile: number[];
  /** Distinct HSK words neither known nor saved, easiest first, then in order of appearance. */
  unknown: UnknownWord[];
}

export interface WordStates {
  known: ReadonlySet<string>;
  saved: ReadonlySet<string>;
}

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

export function articleStats(paragraphs: readonly string[], segments: readonly Segment[][], states: WordStates): ArticleStats {
  const profile = new Array<number>(HSK_BANDS + 1).fill(0);
  const seen = new Set<string>();
  const unknown: UnknownWord[] = [];
  let chars = 0;
  let words = 0;
  let known = 0;
  let saved = 0;
  paragraphs.forEach((text, p) => {
    chars += countHan(text);
    for (const seg of segments[p] ?? []) {
      if (!isWord(seg)) continue;
      words++;
      const headword = headwordOf(seg);
      const isKnown = states.known.has(headword);
      const isSaved = !isKnown && states.saved.has(headword);
      if (isKnown) known++;
      if (isSaved) saved++;
      if (seen.has(seg.text)) continue;
      seen.add(seg.text);
      const band = seg.hsk && seg.hsk >= 1 ? Math.min(seg.hsk, HSK_BANDS) : 0;
      profile[band] = (profile[band] ?? 0) + 1;
      if (band > 0 && !isKnown && !isSaved) unknown.push({ text: seg.text, hsk: band, sentence: sentenceAt(text, seg.start) });
    }
  });
  return {
    chars,
    words,
    distinctWords: seen.size,
    knownShare: words ? known / words : 0,
    savedShare: words ? saved / words : 0,
    hskProfile: profile,
    // Array.prototype.sort is stable, so words of one band keep their order of appearance.
    unknown: unknown.sort((a, b) => a.hsk - b.hsk),
  };
}

/** The unknown words a "save all up to HSK n" action takes. */
export function unknownUpTo(stats: Pick<ArticleStats, 'unknown'>, maxHsk: number): UnknownWord[] {
  return stats.unknown.filter((w) => w.hsk <= maxHsk);
}
