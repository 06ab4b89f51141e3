import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CorrectionRule } from '../../dictionary/corrections';
import type { CorrectionScope } from '../domain/correction';
import type { WordContext, WordToSave } from '../domain/word';
import { keepCorrectedSites } from './corrected-sites';
import { buildCopy, COPY_TABLE, keepCopy, rebuildCopy, type CopyBucket, type Mirrored } from './facts-copy';

/** A sentence the word was met in, and when it was saved (ms since the epoch). */
export interface SavedContext extends WordContext {
  date: number;
}

/**
 * A saved word: what the page sent (definitions as they were at save time, so a later dictionary update does not change
 * a saved card; the glossary note, or the reader's own, editable in the word list) and where it was met.
 */
export interface SavedWord extends WordToSave {
  id?: number;
  contexts: SavedContext[];
  savedAt: number;
  updatedAt: number;
  suspended: boolean;
}

/** hanzi → meaning and reading; or reading and meaning → hanzi. */
export type CardKind = 'recognize' | 'produce';

/** Which review queue a card is in: the `[queue+due]` index answers "what is due" without a scan. */
export const QUEUE = { inactive: -1, new: 0, scheduled: 1 } as const;
export type Queue = (typeof QUEUE)[keyof typeof QUEUE];

/** The FSRS state of a card, with dates as epoch milliseconds so that a JSON backup round-trips exactly. */
export interface FsrsState {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last_review: number | null;
}

export interface CardRecord extends FsrsState {
  id?: number;
  wordId: number;
  kind: CardKind;
  queue: Queue;
}

/** One grade, with the card's state before it: enough to undo the grade exactly and to compute statistics. */
export interface ReviewRecord {
  id?: number;
  cardId: number;
  wordId: number;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: number;
  review: number;
  before: FsrsState;
}

/** Words the reader already knows: saved or not, they are not reviewed and not marked as unknown on pages. */
export interface KnownWord {
  simplified: string;
  markedAt: number;
}

/**
 * Words the reader marked as not known: an exception to their level ("I know HSK 1–3, but not this one") or to a
 * saved word's stable card. Same shape as a known row; a headword is in one of the two tables at most.
 */
export type NotKnownWord = KnownWord;

/** A word the reader dwelt on in a card (lib/store/history.ts): one row a word, the latest lookup kept. */
export interface LookupRecord {
  simplified: string;
  word: WordToSave;
  /** Where it was last looked up. */
  context: WordContext;
  lookedUpAt: number;
}

/**
 * A deletion remembered, so that an older backup cannot bring back what the reader removed (./backup/merge.ts): a saved
 * word deleted, or a known mark taken back (by un-knowing the word or by saving it to learn).
 */
export interface Tombstone {
  kind: TombstoneKind;
  simplified: string;
  /** When it was removed (ms since the epoch). */
  at: number;
}
export type TombstoneKind = 'word' | 'known';

/** A join, split or reading the reader chose on a page (dictionary/corrections.ts), for that site or every page. */
export interface CorrectionRecord extends CorrectionRule {
  id?: number;
  /** The site it was made on: a hostname without "www." (lib/settings/sites.ts), '' for a page without one. */
  site: string;
  scope: CorrectionScope;
  createdAt: number;
}

interface MetaRecord {
  key: string;
  value: unknown;
}

export type YueduDb = Dexie & {
  words: EntityTable<SavedWord, 'id'>;
  cards: EntityTable<CardRecord, 'id'>;
  reviews: EntityTable<ReviewRecord, 'id'>;
  known: Table<KnownWord, string>;
  meta: Table<MetaRecord, string>;
  history: Table<LookupRecord, string>;
  tombstones: Table<Tombstone, [TombstoneKind, string]>;
  notKnown: Table<NotKnownWord, string>;
  corrections: EntityTable<CorrectionRecord, 'id'>;
  wordFacts: Table<CopyBucket, [Mirrored, number]>;
};

const DB_NAME = 'yuedu';

/** Every schema version, oldest first. Never edit a released version: add a new one with its upgrade. */
export const SCHEMA_VERSIONS = [1, 2, 3, 6, 7, 8, 9, 10, 11] as const;
export const SCHEMA_VERSION = 11;

export const newCardFields = (due: number): FsrsState & { queue: Queue } => ({
  queue: QUEUE.new,
  due,
  stability: 0,
  difficulty: 0,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 0,
  lapses: 0,
  state: 0,
  last_review: null,
});

export function openDb(name = DB_NAME): YueduDb {
  const db = new Dexie(name) as YueduDb;
  db.version(1).stores({ words: '++id, &simplified, savedAt' });
  db.version(2)
    .stores({
      words: '++id, &simplified, savedAt, updatedAt',
      cards: '++id, wordId, &[wordId+kind], [queue+due]',
      reviews: '++id, cardId, wordId, review',
      known: '&simplified',
      meta: '&key',
    })
    .upgrade(async (tx) => {
      // v1 kept only the headword, reading and definitions: give each word an empty context list and a new card.
      const cards = tx.table<CardRecord, number>('cards');
      await tx
        .table<SavedWord, number>('words')
        .toCollection()
        .modify((word) => {
          word.contexts ??= [];
          word.updatedAt ??= word.savedAt;
          word.suspended ??= false;
        });
      const words = await tx.table<SavedWord, number>('words').toArray();
      await cards.bulkAdd(
        words.map((w) => ({ wordId: w.id ?? 0, kind: 'recognize' as const, ...newCardFields(w.savedAt) })),
      );
    });
  // Saved words are found on pages in traditional characters by this index; Dexie builds it from the rows.
  db.version(3).stores({ words: '++id, &simplified, traditional, savedAt, updatedAt' });
  // The lookup history, its own table; versions 4 and 5 were never released (Dexie allows the gaps).
  db.version(6).stores({ history: '&simplified, lookedUpAt' });
  // The words marked not known (lib/domain/known.ts); what the level counts known needs no rows at all.
  db.version(7).stores({ notKnown: '&simplified' });
  // The reader's corrections, found by word when one is replaced or undone.
  db.version(8).stores({ corrections: '++id, text, createdAt' });
  // Deletions, so that an import merges by the reader's latest intent. A store from before this version has none: its
  // deletions are as they were, unprotected, but nothing is lost.
  db.version(9).stores({ tombstones: '&[kind+simplified]' });
  // The compact copy of the marks, saved words and card stabilities that the known-word model reads (./facts-copy.ts),
  // built here from the rows of an older store and kept by the middleware from then on.
  db.version(10).stores({ [COPY_TABLE]: '[table+bucket]' }).upgrade(buildCopy);
  // The copy's buckets hold their lists as JSON strings (one value to read, not thousands): built again in that form.
  db.version(11).stores({}).upgrade(rebuildCopy);
  db.use(keepCopy);
  // Which sites have corrections, for the content script (lib/corrected-sites.ts).
  db.use(keepCorrectedSites);
  return db;
}
