/**
 * Segments with pinyin for a paragraph: what the pinyin layer draws and what "known word" marking matches against.
 */
import { pinyin as pinyinPro } from 'pinyin-pro';
import { HAN } from './chars';
import { applySandhi, chooseReading, contextualSyllables, formatSyllable, normalizeSyllable } from './pinyin';
import { segment, type Lexicon, type SegmentModel, type Token } from './segment';
import type { DictEntry, PinyinOptions, Segment } from './types';
import type { WordFrequencies } from './word-frequencies';

/** What annotation needs of the dictionary: the engine's Dictionary satisfies it. */
interface AnnotationDictionary extends Lexicon {
  get(word: string): DictEntry[];
}

export interface Annotator {
  dictionary: AnnotationDictionary;
  frequencies: WordFrequencies;
}


/** What annotation uses of a word's entries, kept so that each word's entries are decoded once. */
interface WordInfo {
  readings: string[];
  hsk?: number;
  glossary: boolean;
  simplified?: string;
}

/** Enough for the vocabulary of many articles; emptied when full rather than tracking use. */
const CACHE_LIMIT = 50_000;
const caches = new WeakMap<AnnotationDictionary, Map<string, WordInfo>>();

function wordInfo(dictionary: AnnotationDictionary, word: string): WordInfo {
  let cache = caches.get(dictionary);
  if (!cache) caches.set(dictionary, (cache = new Map()));
  let info = cache.get(word);
  if (!info) {
    const entries = dictionary.get(word);
    const hsk = Math.min(...entries.map((e) => e.hsk ?? Infinity));
    // A word that is some entry's simplified form stays as it is (乾 is both 干's traditional and a simplified word).
    const simplified = entries.some((e) => e.simplified === word) ? undefined : entries[0]?.simplified;
    info = {
      readings: entries.flatMap((e) => e.readings.map((r) => r.pinyin)),
      glossary: entries.some((e) => e.source === 'glossary'),
      ...(Number.isFinite(hsk) ? { hsk } : {}),
      ...(simplified ? { simplified } : {}),
    };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, info);
  }
  return info;
}

/** How the annotator's dictionary and frequencies cut text into words (also what the segmentation bench scores). */
export function segmentModel({ dictionary, frequencies }: Annotator): SegmentModel {
  return {
    frequencies,
    lexicon: dictionary,
    preferred: (word) => wordInfo(dictionary, word).glossary,
    simplified: (word) => wordInfo(dictionary, word).simplified,
  };
}

function kindOf(text: string, token: Token): Segment['kind'] {
  if (token.kind === 'han') return token.known ? 'word' : 'name';
  return HAN.test(text.slice(token.start, token.end)) ? 'word' : 'other';
}

/** Start indices of the Han characters of [start, end). */
function hanIndices(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    if (HAN.test(String.fromCodePoint(cp))) out.push(i);
    i += size;
  }
  return out;
}

/** Numbered syllables of a guessed name, read with the surname readings (单 Shàn, 曾 Zēng). */
function nameSyllables(name: string): (string | undefined)[] {
  return pinyinPro(name, { type: 'array', toneType: 'num', surname: 'head', toneSandhi: false }).map(normalizeSyllable);
}

/**
 * Cuts `text` into segments that cover it exactly, with pinyin for every Han character in the requested style.
 * Never throws on any string: text without Han characters comes back as 'other' segments, empty text as none.
 */
export function annotate(annotator: Annotator, text: string, options: PinyinOptions): Segment[] {
  if (text.length === 0) return [];
  const { dictionary } = annotator;
  const tokens = segment(text, segmentModel(annotator));
  const hasHan = HAN.test(text);
  const context = hasHan ? contextualSyllables(text) : [];
  // Syllables by UTF-16 index of their character, decided word by word, then adjusted for sandhi across words.
  const syllables = new Map<number, string>();
  const wordFinal = new Set<number>();
  const segments: Segment[] = [];
  for (const token of tokens) {
    const word = text.slice(token.start, token.end);
    const kind = kindOf(text, token);
    const segment: Segment = { text: word, start: token.start, kind };
    if (kind !== 'other') {
      const indices = hanIndices(text, token.start, token.end);
      let chosen: (string | undefined)[];
      let info: WordInfo | undefined;
      if (token.kind !== 'han') {
        chosen = indices.map((i) => context[i]);
      } else if (kind === 'name') {
        chosen = nameSyllables(word);
        if (chosen.length !== indices.length) chosen = indices.map((i) => context[i]);
      } else {
        info = wordInfo(dictionary, word);
        chosen = chooseReading(
          word,
          info.readings,
          indices.map((i) => context[i]),
        );
      }
      indices.forEach((index, n) => syllables.set(index, chosen[n] ?? ''));
      const last = indices[indices.length - 1];
      if (indices.length > 1 && last !== undefined) wordFinal.add(last);
      if (info?.hsk !== undefined) segment.hsk = info.hsk;
      if (info?.simplified !== undefined) segment.simplified = info.simplified;
    }
    segments.push(segment);
  }
  if (options.sandhi) sandhiAcross(text, syllables, wordFinal);
  for (const segment of segments) {
    if (segment.kind === 'other') continue;
    segment.pinyin = hanIndices(text, segment.start, segment.start + segment.text.length).map((i) =>
      formatSyllable(syllables.get(i) ?? '', options.style),
    );
  }
  return segments;
}

/** Applies 一/不 sandhi to runs of adjacent Han characters (a mark or a space between them breaks the run). */
function sandhiAcross(text: string, syllables: Map<number, string>, wordFinal: Set<number>): void {
  const indices = [...syllables.keys()].sort((a, b) => a - b);
  let runStart = 0;
  for (let k = 1; k <= indices.length; k++) {
    const prev = indices[k - 1] ?? 0;
    const here = indices[k];
    const contiguous = here !== undefined && here === prev + ((text.codePointAt(prev) ?? 0) > 0xffff ? 2 : 1);
    if (contiguous) continue;
    const run = indices.slice(runStart, k);
    const chars = run.map((i) => String.fromCodePoint(text.codePointAt(i) ?? 0));
    const values = run.map((i) => syllables.get(i) ?? '');
    applySandhi(
      chars,
      values,
      run.map((i) => wordFinal.has(i)),
    );
    run.forEach((i, n) => syllables.set(i, values[n] ?? ''));
    runStart = k;
  }
}

/** The background's `annotate` request (its payload parsed where it arrived): every paragraph annotated on its own. */
export function annotateParagraphs(annotator: Annotator, paragraphs: readonly string[], options: PinyinOptions): Segment[][] {
  return paragraphs.map((p) => annotate(annotator, p, options));
}
