/**
 * The one check of every request's payload, run by `dispatch` where the request arrives: a payload comes from another
 * context (a content script runs beside a web page), so handlers and the engine behind them receive only what passed
 * here, typed. Adding a request type to protocol.ts without its parser here does not compile.
 */
import { PINYIN_STYLES, type PinyinOptions } from '../../dictionary/types';
import { PINYIN_LAYER_MODES } from '../domain/pinyin-layer';
import { WORD_MARKS } from '../domain/known';
import type { WordContext, WordToSave } from '../domain/word';
import { t } from '../i18n';
import { Invalid, LIMITS, parseArray, parseBool, parseNumber, parseOneOf, parseOptionalNumber, parseOptionalText, parseRecord, parseText, parseTexts, parseWebUrl, siteName } from '../store/parse';
import {
  ANNOTATE_CHARS,
  ANNOTATE_PARAGRAPHS,
  CORRECTION_ACTIONS,
  LOOKUP_BATCH,
  LOOKUP_TEXT,
  SEARCH_QUERY_MAX,
  WORD_STATES_BATCH,
  type BackgroundRequests,
  type LookupWindow,
  type RequestOf,
  type TabRequests,
} from './protocol';

/** Returns the payload typed, or throws an error that says what is wrong and where. */
type Parser<T> = (payload: unknown) => T;
export type Parsers<M> = { [K in keyof M]: Parser<RequestOf<M, K>> };

/**
 * The most of a page's sentence or title a save may carry: a page's text can be anything, so what passes is clipped
 * to what is kept (LIMITS), but a message far past that is refused rather than copied around.
 */
const PAGE_TEXT = 65_536;

function parseEmpty(payload: unknown): Record<string, never> {
  parseRecord(payload, 'payload');
  return {};
}

function parseLookupWindow(value: unknown, at: string): LookupWindow {
  const w = parseRecord(value, at);
  const pos = parseOptionalNumber(w.pos, `${at}.pos`, { int: true, min: 0 });
  return { text: parseText(w.text, `${at}.text`, LOOKUP_TEXT, { empty: true }), ...(pos !== undefined ? { pos } : {}) };
}

/** A page's site, as lib/settings/sites.ts makes it from a hostname: left out, the page has none. */
const parseSite = (value: unknown, at: string): { site?: string } => (value === undefined ? {} : { site: siteName(value, at) });

function parsePinyinOptions(value: unknown, at: string): PinyinOptions {
  const o = parseRecord(value, at);
  return { style: parseOneOf(o.style, `${at}.style`, PINYIN_STYLES), sandhi: parseBool(o.sandhi, `${at}.sandhi`) };
}

/** A word as the hover card sends it; headwords are trimmed, an empty note is left out. */
function parseWordToSave(value: unknown): WordToSave {
  const w = parseRecord(value, 'word');
  const note = parseOptionalText(w.note, 'word.note', LIMITS.note);
  const hsk = parseOptionalNumber(w.hsk, 'word.hsk', { int: true, min: 1, max: 9 });
  return {
    simplified: parseText(w.simplified, 'word.simplified', LIMITS.headword).trim(),
    traditional: parseText(w.traditional, 'word.traditional', LIMITS.headword).trim(),
    pinyin: parseText(w.pinyin, 'word.pinyin', LIMITS.pinyin, { empty: true }),
    definitions: parseTexts(w.definitions, 'word.definitions', LIMITS.definitions, LIMITS.definition),
    ...(note ? { note } : {}),
    ...(hsk !== undefined ? { hsk } : {}),
  };
}

function parseHeadwords(value: unknown): string[] {
  const list = parseArray(value, 'words');
  if (list.length > WORD_STATES_BATCH) throw new Invalid(t('invalidTooMany', 'words', WORD_STATES_BATCH));
  return list.map((w, i) => parseText(w, `words[${i}]`, LIMITS.headword));
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Where a word was met on a page: page text can be anything, so long sentences and titles are clipped rather than
 * refused (a backup's contexts, which Yuedu wrote itself, are refused instead: lib/store/backup/parse.ts).
 */
function parsePageContext(value: unknown): WordContext {
  const c = parseRecord(value, 'context');
  return {
    sentence: clip(parseText(c.sentence, 'context.sentence', PAGE_TEXT, { empty: true }).trim(), LIMITS.sentence),
    title: clip(parseText(c.title, 'context.title', PAGE_TEXT, { empty: true }).trim(), LIMITS.title),
    url: parseWebUrl(c.url, 'context.url'),
  };
}

export const backgroundParsers = {
  ping: parseEmpty,
  lookup: (payload) => ({ ...parseLookupWindow(payload, 'payload'), ...parseSite(parseRecord(payload, 'payload').site, 'site') }),
  lookupMany: (payload) => {
    const p = parseRecord(payload, 'payload');
    const windows = parseArray(p.windows, 'windows');
    if (windows.length > LOOKUP_BATCH) throw new RangeError(`lookupMany takes a list of at most ${LOOKUP_BATCH} windows`);
    return { windows: windows.map((w, i) => parseLookupWindow(w, `windows[${i}]`)), ...parseSite(p.site, 'site') };
  },
  annotate: (payload) => {
    const p = parseRecord(payload, 'payload');
    const list = parseArray(p.paragraphs, 'paragraphs');
    if (list.length > ANNOTATE_PARAGRAPHS) throw new Invalid(t('invalidTooMany', 'paragraphs', ANNOTATE_PARAGRAPHS));
    const paragraphs = list.map((text, i) => parseText(text, `paragraphs[${i}]`, ANNOTATE_CHARS, { empty: true }));
    const chars = paragraphs.reduce((n, text) => n + text.length, 0);
    if (chars > ANNOTATE_CHARS) throw new Invalid(t('invalidTooLong', 'paragraphs', ANNOTATE_CHARS));
    return { paragraphs, pinyin: parsePinyinOptions(p.pinyin, 'pinyin'), ...parseSite(p.site, 'site') };
  },
  correct: (payload) => {
    const p = parseRecord(payload, 'payload');
    const window = parseLookupWindow(p.window, 'window');
    const room = window.text.length - (window.pos ?? 0);
    return {
      action: parseOneOf(p.action, 'action', CORRECTION_ACTIONS),
      window,
      length: parseNumber(p.length, 'length', { int: true, min: 1, max: Math.max(1, Math.min(room, LIMITS.correction)) }),
      site: parseSite(p.site, 'site').site ?? '',
    };
  },
  search: (payload) => ({ query: parseText(parseRecord(payload, 'payload').query, 'query', SEARCH_QUERY_MAX, { empty: true }) }),
  saveWord: (payload) => {
    const p = parseRecord(payload, 'payload');
    return { word: parseWordToSave(p.word), context: parsePageContext(p.context) };
  },
  lookedUp: (payload) => {
    const p = parseRecord(payload, 'payload');
    return { word: parseWordToSave(p.word), context: parsePageContext(p.context) };
  },
  wordStates: (payload) => ({ words: parseHeadwords(parseRecord(payload, 'payload').words) }),
  markWords: (payload) => {
    const p = parseRecord(payload, 'payload');
    return { words: parseHeadwords(p.words), mark: parseOneOf(p.mark, 'mark', WORD_MARKS) };
  },
  ankiAdd: (payload) => {
    const p = parseRecord(payload, 'payload');
    // The word list sends a word without a page to it (null); the card sends where the word was met.
    return { word: parseWordToSave(p.word), context: p.context === null ? null : parsePageContext(p.context) };
  },
  ankiDescribe: (payload) => {
    const p = parseRecord(payload, 'payload');
    return { url: parseText(p.url, 'url', LIMITS.url), noteType: parseText(p.noteType, 'noteType', LIMITS.headword, { empty: true }) };
  },
} satisfies Parsers<BackgroundRequests>;

export const tabParsers = {
  setPinyinLayer: (payload) => ({
    mode: parseOneOf(parseRecord(payload, 'payload').mode, 'mode', [...PINYIN_LAYER_MODES, 'toggle'] as const),
  }),
  pageStatus: parseEmpty,
  articleStats: parseEmpty,
} satisfies Parsers<TabRequests>;
