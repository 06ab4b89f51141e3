/**
 * Segments with pinyin for a paragraph: what the pinyin layer draws and what "known word" marking matches against.
 */
import { pinyin as pinyinPro, polyphonic } from 'pinyin-pro';
import { charLengthAt, HAN, isHanAt } from './chars';
import type { Corrections } from './corrections';
import { applySandhi, chooseReading, contextualSyllables, formatSyllable, normalizeSyllable, readingCandidates } from './pinyin';
import type { PolyphoneModel } from './polyphones';
import { segment, type Lexicon, type SegmentModel, type Token } from './segment';
import type { DictEntry, PinyinOptions, Segment } from './types';
import type { WordFrequencies } from './word-frequencies';

/** What annotation needs of the dictionary: the engine's Dictionary satisfies it. */
interface AnnotationDictionary extends Lexicon {
  get(word: string): DictEntry[];
  /** The polyphone model compiled into the artifact. */
  readonly polyphones?: PolyphoneModel;
}

export interface Annotator {
  dictionary: AnnotationDictionary;
  frequencies: WordFrequencies;
  /**
   * The polyphone model: the dictionary's own when left out; null for none (pinyin-pro alone reads the polyphones),
   * which is what the model is trained against.
   */
  polyphones?: PolyphoneModel | null;
}


/** What annotation uses of a word's entries, kept so that each word's entries are decoded once. */
interface WordInfo {
  readings: string[];
  hsk?: number;
  glossary: boolean;
  simplified?: string;
  /** The word's syllables when no context can change them, null when it needs context; set on first annotation. */
  fixed?: string[] | null;
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

const models = new WeakMap<AnnotationDictionary, WeakMap<WordFrequencies, SegmentModel>>();

/**
 * How the annotator's dictionary and frequencies cut text into words (also what the segmentation bench scores). One
 * model per dictionary and frequency list, so that the segmenter's caches last from one paragraph to the next.
 */
export function segmentModel({ dictionary, frequencies }: Annotator): SegmentModel {
  let byFrequencies = models.get(dictionary);
  if (!byFrequencies) models.set(dictionary, (byFrequencies = new WeakMap()));
  let model = byFrequencies.get(frequencies);
  if (!model) {
    model = {
      frequencies,
      lexicon: dictionary,
      preferred: (word) => wordInfo(dictionary, word).glossary,
      simplified: (word) => wordInfo(dictionary, word).simplified,
    };
    byFrequencies.set(frequencies, model);
  }
  return model;
}

function kindOf(text: string, token: Token): Segment['kind'] {
  if (token.kind === 'han') return token.known ? 'word' : 'name';
  return HAN.test(text.slice(token.start, token.end)) ? 'word' : 'other';
}

/** A Han character starts at `i` (isHanAt is the fast test; the regex catches the rarer Han blocks, radicals, 々). */
function isHan(text: string, i: number): boolean {
  if (isHanAt(text, i)) return true;
  const c = text.charCodeAt(i);
  return c >= 0x2e80 && HAN.test(String.fromCodePoint(text.codePointAt(i) ?? c));
}

/** Start indices of the Han characters of [start, end). */
function hanIndices(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i += charLengthAt(text, i)) if (isHan(text, i)) out.push(i);
  return out;
}

/** Memo of pinyin-pro's reading of short strings out of context (words, names): the same few recur on every page. */
function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

/** Numbered syllables of a guessed name, read with the surname readings (单 Shàn, 曾 Zēng). */
const nameSyllables = memo((name: string): (string | undefined)[] =>
  pinyinPro(name, { type: 'array', toneType: 'num', surname: 'head', toneSandhi: false }).map(normalizeSyllable),
);

/** pinyin-pro's reading of a word on its own. */
const aloneSyllables = memo((word: string) => hanIndices(word, 0, word.length).map((i) => contextualSyllables(word)[i]));

/** Whether pinyin-pro knows more than one reading of a character (so that its reading may depend on the context). */
const pinyinProPolyphone = memo((char: string) => (polyphonic(char, { type: 'array' })[0]?.length ?? 0) > 1);

/**
 * A word's syllables when the context cannot change them, or null: a word of several characters with one dictionary
 * reading (CC-CEDICT's optional neutral tones settled by pinyin-pro's reading of the word alone, as chooseReading
 * does), or a character that both the dictionary and pinyin-pro read one way only.
 */
function fixedSyllables(word: string, info: WordInfo, characters: number): string[] | null {
  const candidates = readingCandidates(info.readings, characters);
  if (characters > 1) return candidates.size === 1 ? chooseReading(word, info.readings, aloneSyllables(word)) : null;
  if (candidates.size > 1 || pinyinProPolyphone(word)) return null;
  return chooseReading(word, info.readings, aloneSyllables(word));
}

/** Where the polyphone model is not asked (and so not trained): the characters of a word fixed by the dictionary. */
function modelIgnores(kind: Segment['kind'], characters: number, fixed: readonly unknown[] | null): boolean {
  return kind === 'word' && characters > 1 && fixed !== null;
}

/**
 * Whether annotation asks the polyphone model about the characters of `segment` (one that annotate gave): what
 * training needs to know, so that the model learns only where it is applied.
 */
export function modelReads(annotator: Annotator, segment: Segment): boolean {
  const characters = hanIndices(segment.text, 0, segment.text.length).length;
  if (segment.kind !== 'word' || characters < 2) return true;
  const info = wordInfo(annotator.dictionary, segment.text);
  if (info.fixed === undefined) info.fixed = fixedSyllables(segment.text, info, characters);
  return !modelIgnores(segment.kind, characters, info.fixed);
}

/** A word to be read in context, once the pinyin-pro windows are known: its token and Han indices. */
interface Pending {
  token: number;
  indices: number[];
  info?: WordInfo;
}

/**
 * Cuts `text` into segments that cover it exactly, with pinyin for every Han character in the requested style.
 * Never throws on any string: text without Han characters comes back as 'other' segments, empty text as none.
 *
 * Most words are read without any context: their reading is fixed by the dictionary (one reading) and cached per word.
 * The rest, the polyphones, are read by the polyphone model where it has a rule for them, and only what is left goes
 * to pinyin-pro, in windows of one character either side rather than the whole paragraph: pinyin-pro costs per call
 * and per character, and reading every paragraph whole with it was a third of annotation's time.
 */
export function annotate(annotator: Annotator, text: string, options: PinyinOptions, corrections?: Corrections): Segment[] {
  if (text.length === 0) return [];
  const { dictionary } = annotator;
  const polyphones = annotator.polyphones === undefined ? dictionary.polyphones : annotator.polyphones;
  const model = segmentModel(annotator);
  const tokens = corrections ? corrections.segment(text, model) : segment(text, model);
  // Syllables by UTF-16 index of their character, decided word by word, then adjusted for sandhi across words.
  const syllables: string[] = new Array<string>(text.length);
  const wordFinal = new Uint8Array(text.length);
  const segments: Segment[] = [];
  const hanOf: number[][] = [];
  // Context from the model (and later pinyin-pro) for the characters that need it.
  const context: (string | undefined)[] = [];
  const pending: Pending[] = [];
  tokens.forEach((token, t) => {
    const word = text.slice(token.start, token.end);
    const kind = kindOf(text, token);
    const segment: Segment = { text: word, start: token.start, kind };
    segments.push(segment);
    if (kind === 'other') return;
    const indices = hanIndices(text, token.start, token.end);
    hanOf[segments.length - 1] = indices;
    const last = indices[indices.length - 1];
    if (indices.length > 1 && last !== undefined) wordFinal[last] = 1;
    let chosen: readonly (string | undefined)[] | null = null;
    let info: WordInfo | undefined;
    if (kind === 'name') {
      chosen = nameSyllables(word);
      if (chosen.length !== indices.length) chosen = null;
    } else if (token.kind === 'han') {
      info = wordInfo(dictionary, word);
      if (info.fixed === undefined) info.fixed = fixedSyllables(word, info, indices.length);
      chosen = info.fixed;
      if (info.hsk !== undefined) segment.hsk = info.hsk;
      if (info.simplified !== undefined) segment.simplified = info.simplified;
    }
    const predict = (index: number) =>
      polyphones?.coversAt(text, index) ? polyphones.predict({ text, index, wordStart: token.start, wordEnd: token.end }) : undefined;
    if (chosen) {
      // A word of several characters with one dictionary reading is read so whatever the model says: its reading is
      // the dictionary's, which is more reliable than a model learned from some twenty sentences per character.
      const model = !modelIgnores(kind, indices.length, chosen);
      indices.forEach((index, n) => (syllables[index] = (model ? predict(index) : undefined) ?? chosen[n] ?? ''));
      return;
    }
    let unread = false;
    for (const index of indices) {
      context[index] = predict(index);
      if (context[index] === undefined) unread = true;
    }
    pending.push({ token: t, indices, ...(info ? { info } : {}) });
    if (unread) readInWindow(text, tokens, t, context);
  });
  for (const { token, indices, info } of pending) {
    const here = indices.map((i) => context[i]);
    const chosen = info ? chooseReading(segments[token]?.text ?? '', info.readings, here) : here;
    indices.forEach((index, n) => (syllables[index] = chosen[n] ?? ''));
  }
  if (options.sandhi) sandhiAcross(text, syllables, wordFinal);
  segments.forEach((segment, s) => {
    const indices = hanOf[s];
    if (!indices) return;
    // The reader's own reading of the word wins over the engine's, sandhi included: it is what they chose to see.
    const own = corrections?.readingOf(segment.text);
    segment.pinyin = own?.length === indices.length ? own.map((syllable) => formatSyllable(syllable, options.style)) : indices.map((i) => formatSyllable(syllables[i] ?? '', options.style));
  });
  return segments;
}

/**
 * pinyin-pro's reading of the characters of token `t` that the model left unread, from the token and one character
 * either side: enough for pinyin-pro's own word matching to see the words the character may form with its neighbours
 * (的确, 目的). Windows are short, so they recur and are memoised. Fills only what is still unread.
 */
function readInWindow(text: string, tokens: readonly Token[], t: number, context: (string | undefined)[]): void {
  const token = tokens[t] as Token;
  const start = token.start > 0 ? token.start - charLengthBefore(text, token.start) : token.start;
  const end = token.end < text.length ? token.end + charLengthAt(text, token.end) : token.end;
  const window = windowSyllables(text.slice(start, end));
  for (let i = token.start; i < token.end; i++) if (context[i] === undefined) context[i] = window[i - start];
}

const windowSyllables = memo(contextualSyllables);

function charLengthBefore(text: string, pos: number): number {
  return pos >= 2 && charLengthAt(text, pos - 2) === 2 ? 2 : 1;
}

/** Applies 一/不 sandhi to runs of adjacent Han characters (a mark or a space between them breaks the run). */
function sandhiAcross(text: string, syllables: string[], wordFinal: Uint8Array): void {
  for (let i = 0; i < text.length; ) {
    if (syllables[i] === undefined) {
      i++;
      continue;
    }
    const run: number[] = [];
    while (i < text.length && syllables[i] !== undefined) {
      run.push(i);
      i += charLengthAt(text, i);
    }
    if (!run.some((k) => text[k] === '一' || text[k] === '不')) continue;
    const chars = run.map((k) => text.slice(k, k + charLengthAt(text, k)));
    const values = run.map((k) => syllables[k] ?? '');
    applySandhi(
      chars,
      values,
      run.map((k) => wordFinal[k] === 1),
    );
    run.forEach((k, n) => (syllables[k] = values[n] ?? ''));
  }
}

/**
 * The background's `annotate` request (its payload parsed where it arrived): every paragraph annotated on its own,
 * with `pause` awaited before each. The worker passes a pacer, so that a hover's lookup arriving meanwhile is
 * answered between paragraphs instead of after the whole batch (the first batch after a cold start takes 100 ms or more).
 */
export async function annotateParagraphs(
  annotator: Annotator,
  paragraphs: readonly string[],
  options: PinyinOptions,
  corrections: Corrections | undefined,
  pause: () => Promise<void>,
): Promise<Segment[][]> {
  const out: Segment[][] = [];
  for (const p of paragraphs) {
    await pause();
    out.push(annotate(annotator, p, options, corrections));
  }
  return out;
}
