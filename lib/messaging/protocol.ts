/**
 * Every message between content scripts, the background and extension pages is declared here,
 * so that a sender and its handler cannot disagree about a name or a shape.
 * `BackgroundRequests` are answered by the service worker; `TabRequests` by the content script of a tab.
 * Add a request type to a map: its key is the message type, `req` what is sent, `res` what comes back.
 */
import type { CorrectionRule } from '../../dictionary/corrections';
import type { LookupMatch, PinyinOptions, Segment } from '../../dictionary/types';
import type { ArticleStats } from '../stats';
import type { PinyinLayerMode } from '../domain/pinyin-layer';
import type { WordContext, WordToSave } from '../domain/word';
import type { PackedFacts, WordMark } from '../domain/known';

/**
 * Text to look words up in: a window from the pointer (say 16 UTF-16 units) starting at `pos` (default 0). What comes
 * before `pos` is context: the character before the pointer tells whether it is inside a name (卡 of 托卡耶夫 does
 * not start the name 卡耶夫).
 */
export interface LookupWindow {
  text: string;
  pos?: number;
}

/**
 * The page's site (a hostname without "www.", lib/settings/sites.ts; '' for a page without one): lookups and
 * annotation apply the reader's corrections for it.
 */
interface OnSite {
  site?: string;
}

/** What a key on the card asks of a word (content/hover/commands.ts). */
export const CORRECTION_ACTIONS = ['join', 'split', 'reading', 'undo'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

export interface BackgroundRequests {
  ping: { req: Record<string, never>; res: { pong: true; version: string } };
  /** Words starting at the window's `pos`, longest first. */
  lookup: { req: LookupWindow & OnSite; res: { matches: LookupMatch[] } };
  /** `lookup` for many windows at once (at most LOOKUP_BATCH): the hover card reads ahead of the pointer with it. */
  lookupMany: { req: { windows: LookupWindow[] } & OnSite; res: { matches: LookupMatch[][] } };
  /** Segments with pinyin for each paragraph, for the pinyin layer and known-word marking. */
  annotate: { req: { paragraphs: string[]; pinyin: PinyinOptions } & OnSite; res: { paragraphs: Segment[][] } };
  /**
   * A correction of the word of `length` characters at the window's `pos`, kept for the site: join it with the next
   * word, split it into its pieces, give it its next reading, or undo the corrections of it. `applied` is the
   * correction made (null when there was nothing to do: one character to split, one reading), `removed` how many an
   * undo took away.
   */
  correct: {
    req: { action: CorrectionAction; window: LookupWindow; length: number; site: string };
    res: { applied: CorrectionRule | null; removed: number };
  };
  /**
   * Words for a query typed in the popup: Chinese (looked up as the card does), pinyin with tone marks, numbers or none,
   * or English; most useful first. At most SEARCH_QUERY_MAX characters.
   */
  search: { req: { query: string }; res: { matches: LookupMatch[] } };
  /** Saves a word, or adds the new context sentence to a word saved before. */
  saveWord: { req: { word: WordToSave; context: WordContext }; res: { id: number; created: boolean } };
  /** The reader dwelt on a word's card: kept in the lookup history (the last HISTORY_SIZE words). */
  lookedUp: { req: { word: WordToSave; context: WordContext }; res: Record<string, never> };
  /**
   * What the store knows of these simplified headwords (at most WORD_STATES_BATCH), for the known-word model
   * (lib/domain/known.ts) behind the card, the layer, the stats and the saved-word underlines: the page asks for the
   * words it shows, so the answer is as small as the page whatever the size of the store; packed (unpackFacts).
   */
  wordStates: { req: { words: string[] }; res: PackedFacts };
  /** Marks these headwords (at most WORD_STATES_BATCH) known, not known, or neither (`k` on the card); answers the marks before, by mark. */
  markWords: { req: { words: string[]; mark: WordMark }; res: Record<WordMark, string[]> };
  /** Send to Anki (opt-in): adds the word's note through AnkiConnect; refused, sending nothing, until the reader turns it on. */
  ankiAdd: { req: { word: WordToSave; context: WordContext | null }; res: { noteId: number } };
  /** For the options: AnkiConnect's decks and note types at `url`, and the fields of `noteType`; opt-in like ankiAdd. */
  ankiDescribe: { req: { url: string; noteType: string }; res: { decks: string[]; noteTypes: string[]; fields: string[] } };
}

/** The most windows one `lookupMany` may ask for: a read-ahead needs a few hundred. */
export const LOOKUP_BATCH = 1024;
/** The longest text of one lookup window: a window needs the longest headword and a little context, far less. */
export const LOOKUP_TEXT = 1024;
/**
 * One annotate request at most: this many characters in all, in at most this many paragraphs. The worker serves
 * every tab, and one request holds it for its whole length (a few ms at this size); the page splits longer text at
 * sentence boundaries and sends it as several requests, between which other lookups are answered.
 */
export const ANNOTATE_CHARS = 4000;
export const ANNOTATE_PARAGRAPHS = 100;

/** The most headwords one `wordStates` or `markWords` may name: an article has a few thousand distinct words at most. */
export const WORD_STATES_BATCH = 5000;

/** The longest query `search` takes: longer text is a paste gone wrong, not a word. */
export const SEARCH_QUERY_MAX = 100;

export interface TabRequests {
  /** Sets the pinyin layer of the tab's article; answers the mode now in force. */
  setPinyinLayer: { req: { mode: PinyinLayerMode | 'toggle' }; res: { mode: PinyinLayerMode } };
  /** For the popup's site switch: the page's site, whether Yuedu is on there and whether the page has Chinese. */
  pageStatus: { req: Record<string, never>; res: PageStatus };
  /** For the popup's article panel; null when the page has no Chinese article (or Yuedu is off for the site). */
  articleStats: { req: Record<string, never>; res: (ArticleStats & { page: { title: string; url: string } }) | null };
}

export interface PageStatus {
  /** The hostname without "www." (see lib/settings/sites.ts); empty for pages without one. */
  site: string;
  enabled: boolean;
  hasChinese: boolean;
  /** The pinyin layer now in force on the page's article. */
  pinyinLayer?: PinyinLayerMode;
}

export type RequestType<M> = keyof M & string;
export type RequestOf<M, T extends keyof M> = M[T] extends { req: infer R } ? R : never;
export type ResponseOf<M, T extends keyof M> = M[T] extends { res: infer R } ? R : never;

export interface Envelope<T extends string = string> {
  yuedu: 1;
  type: T;
  payload: unknown;
}

/** What a handler sends back: errors travel as data because thrown errors do not cross the message boundary. */
export type Reply<V = unknown> = { ok: true; value: V } | { ok: false; error: string };

export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { yuedu?: unknown }).yuedu === 1 &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
