/**
 * What the store knows of the words a page shows (lib/domain/known.ts decides their state): asked for by headword, so
 * the answer is as small as the page, however many words the reader has marked or saved; and the marks, written in
 * bulk with what they replaced, so that "I've read this article" can be undone exactly.
 */
import Dexie, { cmp, type IndexableType, type IntervalTree } from 'dexie';
import { FactsPacker, WORD_MARKS, type PackedFacts, type WordMark } from '../domain/known';
import type { KnownWord, YueduDb } from './db';
import { forEachKept, keptOf, MarkedWords, MIRRORED, type CopyBucket, type Kept, type Mirrored, type Rows } from './facts-copy';
import { guard } from './errors';
import { headword } from './records';
import { LIMITS } from './parse';
import { syncCards } from './words';
import { write } from './write';

/** FSRS stability is in days. */
const stableEnough = (stability: number, days: number) => days > 0 && stability >= days;

/** The keys of a table written since its facts were read, or 'all' where Dexie names a range (a clear, a bulk write). */
type Changed = Set<IndexableType> | 'all';

interface Held {
  known: MarkedWords;
  notKnown: MarkedWords;
  /** Saved word id → its headwords; simplified headword → its id: one lookup a word asked. */
  words: Map<number, Kept['words']>;
  savedIds: Map<string, number>;
  /** Card id → its word's id and stability, for the reviewed recognition cards; word id → that stability. */
  cards: Map<number, Kept['cards']>;
  stability: Map<number, number>;
}

const emptyHeld = (): Held => ({ known: new MarkedWords(), notKnown: new MarkedWords(), words: new Map(), savedIds: new Map(), cards: new Map(), stability: new Map() });

/** How the facts of a table are held. */
interface Holder<T extends Mirrored> {
  /** Sets what is kept of one row (undefined: nothing, the row is gone or not kept). */
  set(held: Held, key: IndexableType, kept: Kept[T] | undefined): void;
  /** Replaces everything held of the table with what its copy keeps, read whole. */
  load(held: Held, buckets: readonly CopyBucket[]): void;
}

/** The marks of one table: its headwords, held as the copy's lists (a cold worker runs this). */
const marks = (table: 'known' | 'notKnown'): Holder<typeof table> => ({
  set: (held, word, kept) => held[table].set(String(word), kept !== undefined),
  load: (held, buckets) => void (held[table] = new MarkedWords(buckets)),
});

/** A table whose rows keep more than their key: cleared, then each row set. */
function rowByRow<T extends Mirrored>(table: T, clear: (held: Held) => void, set: Holder<T>['set']): Holder<T> {
  return {
    set,
    load(held, buckets) {
      clear(held);
      for (const { entries } of buckets) forEachKept(table, entries, (key, kept) => set(held, key, kept));
    },
  };
}

const HOLD: { [T in Mirrored]: Holder<T> } = {
  known: marks('known'),
  notKnown: marks('notKnown'),
  words: rowByRow(
    'words',
    (held) => {
      held.words.clear();
      held.savedIds.clear();
    },
    (held, key, kept) => {
      const id = Number(key);
      const before = held.words.get(id);
      // The headword may already belong to a word saved again under a new id.
      if (before && held.savedIds.get(before[0]) === id) held.savedIds.delete(before[0]);
      if (!kept) return void held.words.delete(id);
      held.words.set(id, kept);
      held.savedIds.set(kept[0], id);
    },
  ),
  cards: rowByRow(
    'cards',
    (held) => {
      held.cards.clear();
      held.stability.clear();
    },
    (held, key, kept) => {
      const id = Number(key);
      const before = held.cards.get(id);
      if (before) held.stability.delete(before[0]);
      if (!kept) return void held.cards.delete(id);
      held.cards.set(id, kept);
      held.stability.set(kept[0], kept[1]);
    },
  ),
};

/** Holds the rows of `keys` of `table` as they are now (the keys of rows deleted have none). */
async function holdRows<T extends Mirrored>(db: YueduDb, held: Held, table: T, keys: IndexableType[]): Promise<void> {
  const holder: Holder<T> = HOLD[table];
  const rows = await db.table<Rows[T], IndexableType>(table).bulkGet(keys);
  keys.forEach((key, i) => {
    const row = rows[i];
    holder.set(held, key, row && keptOf(table, row));
  });
}

/**
 * Adds the single keys of a Dexie range set (an interval tree, a plain object when it came from another context) to
 * `into`; false when it holds a range, which names no keys.
 */
function addKeys(tree: IntervalTree, into: Set<IndexableType>): boolean {
  if (!('from' in tree)) return true;
  if (cmp(tree.from, tree.to) !== 0) return false;
  into.add(tree.from);
  return (!tree.l || addKeys(tree.l, into)) && (!tree.r || addKeys(tree.r, into));
}

/**
 * Answers `wordStates` for the words a page asks about. The marked and saved headwords are held in memory, with the
 * stability of the recognition cards: each answer then costs as much as the words asked, whatever the number of words
 * the reader has marked or saved. They are read once, from the compact copy of their tables (./facts-copy.ts); after a
 * write to those tables from any page of the extension (Dexie tells every context, through a BroadcastChannel, which
 * keys it wrote), the next answer reads again only the rows of those keys, so the first answer after a change costs as
 * much as the change. A write that names a range rather than keys (a clear, a bulk write of 50 rows or more) has that
 * table's copy read again whole.
 */
export class WordFactsReader {
  private held: Promise<Held> | null = null;
  private changed = new Map<Mirrored, Changed>();

  constructor(private readonly db: YueduDb) {
    Dexie.on('storagemutated', (parts) => {
      // Before the first read there is nothing to bring up to date.
      if (!this.held) return;
      for (const table of MIRRORED) {
        // The primary keys of every row written or deleted (Dexie's part for the table's indexes says less).
        const tree = parts[`idb://${db.name}/${table}/`];
        if (tree) this.note(table, tree);
      }
    });
  }

  /**
   * Reads the facts now, before any page asks: a worker is woken by a page's first lookup, and the page asks for its
   * words' states only once it has found its article, by when they are held. A failed read is read again at the ask.
   */
  prepare(): void {
    this.current().catch(() => undefined);
  }

  async facts(words: readonly string[], stableDays: number): Promise<PackedFacts> {
    const held = await this.current();
    const packer = new FactsPacker();
    for (const word of words) {
      const id = held.savedIds.get(word);
      const saved = id === undefined ? undefined : held.words.get(id);
      const mark = held.known.has(word) ? 'known' : held.notKnown.has(word) ? 'notKnown' : 'none';
      packer.add(word, mark, saved && { traditional: saved[1], stable: stableEnough(held.stability.get(id ?? 0) ?? 0, stableDays) });
    }
    return packer.packed();
  }

  private note(table: Mirrored, tree: IntervalTree): void {
    const keys = this.changed.get(table) ?? new Set<IndexableType>();
    // A write with nothing to write (syncCards of no word) names the table with no keys: nothing to read.
    if (keys === 'all' || !('from' in tree)) return;
    this.changed.set(table, addKeys(tree, keys) ? keys : 'all');
  }

  /** The held facts, with the changes noted since the last ask applied (chained, so asks never see half of one). */
  private current(): Promise<Held> {
    const changed = this.changed;
    this.changed = new Map();
    if (!this.held) this.held = this.update(emptyHeld(), new Map(MIRRORED.map((table) => [table, 'all'])));
    else if (changed.size) this.held = this.held.then((held) => this.update(held, changed));
    const held = this.held;
    // A failed read may leave the facts half updated: they are dropped, and the next ask reads them all again.
    held.catch(() => {
      if (this.held === held) this.held = null;
    });
    return held;
  }

  private async update(held: Held, changed: ReadonlyMap<Mirrored, Changed>): Promise<Held> {
    const { db } = this;
    const whole = MIRRORED.filter((table) => changed.get(table) === 'all');
    const keyed = [...changed].flatMap(([table, keys]) => (keys === 'all' ? [] : [{ table, keys: [...keys] }]));
    // At the first read, the copy of every table in one request: a transaction's requests are answered one by one.
    const copies = whole.length === MIRRORED.length ? [db.wordFacts.toCollection()] : whole.map((table) => db.wordFacts.where('[table+bucket]').between([table, Dexie.minKey], [table, Dexie.maxKey]));
    await guard(() =>
      db.transaction('r', [db.wordFacts, ...keyed.map(({ table }) => db[table])], async () => {
        const [buckets] = await Promise.all([Promise.all(copies.map((copy) => copy.toArray())), ...keyed.map(({ table, keys }) => holdRows(db, held, table, keys))]);
        for (const table of whole) HOLD[table].load(held, buckets.flat().filter((bucket) => bucket.table === table));
      }),
    );
    return held;
  }
}

export type MarksBefore = Record<WordMark, string[]>;

/**
 * Gives every word of `words` the mark `mark` (a word is in the known table, the not-known table, or neither), and
 * files the cards of the saved ones (a known word is not reviewed); resolves with each word's mark before, by mark.
 */
export async function setMarks(db: YueduDb, words: readonly string[], mark: WordMark, now = Date.now()): Promise<MarksBefore> {
  const list = [...new Set(words.map((w, i) => headword(w, `words[${i}]`, LIMITS.headword)))];
  return write(db, [db.words, db.cards, db.known, db.notKnown, db.meta, db.tombstones], async () => {
    const [known, notKnown] = await Promise.all([db.known.bulkGet(list), db.notKnown.bulkGet(list)]);
    const before: MarksBefore = { none: [], known: [], notKnown: [] };
    list.forEach((w, i) => before[known[i] ? 'known' : notKnown[i] ? 'notKnown' : 'none'].push(w));
    // A known mark taken back is remembered, so that an older backup cannot mark the word known again.
    if (mark === 'known') await db.tombstones.bulkDelete(list.map((w) => ['known', w]));
    else await db.tombstones.bulkPut(before.known.map((simplified) => ({ kind: 'known', simplified, at: now })));
    const rows = list.map((simplified) => ({ simplified, markedAt: now }));
    if (mark !== 'known') await db.known.bulkDelete(list);
    if (mark !== 'notKnown') await db.notKnown.bulkDelete(list);
    if (mark === 'known') await db.known.bulkPut(rows);
    if (mark === 'notKnown') await db.notKnown.bulkPut(rows);
    await syncCards(db, (await db.words.where('simplified').anyOf(list).primaryKeys()).map(Number), now);
    return before;
  });
}

/** Puts back the marks `setMarks` reported as there before. */
export async function restoreMarks(db: YueduDb, before: MarksBefore, now = Date.now()): Promise<void> {
  for (const mark of WORD_MARKS) if (before[mark].length) await setMarks(db, before[mark], mark, now);
}

/** Every word marked known, newest first: the word list's known tab. */
export const listKnown = (db: YueduDb): Promise<KnownWord[]> => guard(async () => (await db.known.toArray()).sort((a, b) => b.markedAt - a.markedAt));

/** What importing `words` as known would do: words newly known, words known already, saved words left as they are. */
export async function planKnownImport(db: YueduDb, words: readonly string[]): Promise<{ add: string[]; already: string[]; saved: string[] }> {
  return guard(() =>
    db.transaction('r', [db.known, db.words], async () => {
      const known = await db.known.bulkGet([...words]);
      const saved = new Set((await db.words.where('simplified').anyOf([...words]).keys()).map(String));
      const plan = { add: [] as string[], already: [] as string[], saved: [] as string[] };
      words.forEach((w, i) => (known[i] ? plan.already : saved.has(w) ? plan.saved : plan.add).push(w));
      return plan;
    }),
  );
}
