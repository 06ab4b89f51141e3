/**
 * What the store knows of the words a page shows (lib/domain/known.ts decides their state): asked for by headword, so
 * the answer is as small as the page, however many words the reader has marked or saved; and the marks, written in
 * bulk with what they replaced, so that "I've read this article" can be undone exactly.
 */
import Dexie, { cmp, type IndexableType, type IntervalTree } from 'dexie';
import { FactsPacker, WORD_MARKS, type PackedFacts, type WordMark } from '../domain/known';
import type { KnownWord, YueduDb } from './db';
import { guard } from './errors';
import { headword } from './records';
import { LIMITS } from './parse';
import { syncCards } from './words';
import { write } from './write';

/** FSRS stability is in days. */
const stableEnough = (stability: number, days: number) => days > 0 && stability >= days;

/** The tables the held facts come from. */
const HELD_TABLES = ['known', 'notKnown', 'words', 'cards'] as const;
type HeldTable = (typeof HELD_TABLES)[number];

/** The keys of a table written since its facts were read, or 'all' where Dexie names a range (a clear, a bulk write). */
type Changed = Set<IndexableType> | 'all';

/** What is held of a headword that is marked or saved. */
interface Entry {
  mark?: Exclude<WordMark, 'none'>;
  saved?: { id: number; traditional: string };
}

interface Held {
  /** Marked or saved headword → its entry: one lookup a word asked. */
  words: Map<string, Entry>;
  /** Saved word id → its simplified headword, to find a word's entry when only its id is known (a deletion). */
  savedIds: Map<number, string>;
  /** Word id → the FSRS stability of its recognition card, for the cards reviewed at least once. */
  stability: Map<number, number>;
  /** Card id → its word's id, for the cards in `stability`. */
  cardWords: Map<number, number>;
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
 * the reader has marked or saved. They are read once; after a write to their tables from any page of the extension
 * (Dexie tells every context, through a BroadcastChannel, which keys it wrote), the next answer reads again only the
 * rows of those keys, so the first answer after a change costs as much as the change. A write that names a range
 * rather than keys (a clear, a bulk write of 50 rows or more) has that table read again whole.
 */
export class WordFactsReader {
  private held: Promise<Held> | null = null;
  private changed = new Map<HeldTable, Changed>();

  constructor(private readonly db: YueduDb) {
    Dexie.on('storagemutated', (parts) => {
      // Before the first read there is nothing to bring up to date.
      if (!this.held) return;
      for (const table of HELD_TABLES) {
        // The primary keys of every row written or deleted (Dexie's part for the table's indexes says less).
        const tree = parts[`idb://${db.name}/${table}/`];
        if (tree) this.note(table, tree);
      }
    });
  }

  async facts(words: readonly string[], stableDays: number): Promise<PackedFacts> {
    const held = await this.current();
    const packer = new FactsPacker();
    for (const word of words) {
      const entry = held.words.get(word);
      const saved = entry?.saved;
      packer.add(word, entry?.mark ?? 'none', saved && { traditional: saved.traditional, stable: stableEnough(held.stability.get(saved.id) ?? 0, stableDays) });
    }
    return packer.packed();
  }

  private note(table: HeldTable, tree: IntervalTree): void {
    const keys = this.changed.get(table) ?? new Set<IndexableType>();
    // A write with nothing to write (syncCards of no word) names the table with no keys: nothing to read.
    if (keys === 'all' || !('from' in tree)) return;
    this.changed.set(table, addKeys(tree, keys) ? keys : 'all');
  }

  /** The held facts, with the changes noted since the last ask applied (chained, so asks never see half of one). */
  private current(): Promise<Held> {
    const changed = this.changed;
    this.changed = new Map();
    if (!this.held) this.held = this.update(emptyHeld(), new Map(HELD_TABLES.map((table) => [table, 'all'])));
    else if (changed.size) this.held = this.held.then((held) => this.update(held, changed));
    const held = this.held;
    // A failed read may leave the facts half updated: they are dropped, and the next ask reads them all again.
    held.catch(() => {
      if (this.held === held) this.held = null;
    });
    return held;
  }

  private async update(held: Held, changed: ReadonlyMap<HeldTable, Changed>): Promise<Held> {
    const { db } = this;
    const tables = [...changed.keys()];
    await guard(() =>
      db.transaction('r', tables.map((table) => db[table]), () =>
        Promise.all(
          tables.map((table) => {
            const keys = changed.get(table) ?? 'all';
            return table === 'words' ? readSaved(db, held, keys) : table === 'cards' ? readStability(db, held, keys) : readMarks(db, held, table, keys);
          }),
        ),
      ),
    );
    return held;
  }
}

const emptyHeld = (): Held => ({ words: new Map(), savedIds: new Map(), stability: new Map(), cardWords: new Map() });

/** Changes the entry of `word` (made when missing, dropped when left with nothing). */
function change(held: Held, word: string, edit: (entry: Entry) => void): void {
  const entry = held.words.get(word) ?? {};
  edit(entry);
  if (entry.mark || entry.saved) held.words.set(word, entry);
  else held.words.delete(word);
}

// getAll and getAllKeys, one request each for a whole table: walking an index's keys with a cursor costs a step a row.

/** Brings the marks of one table up to date (a word is in one table at most, so the other's marks are left alone). */
async function readMarks(db: YueduDb, held: Held, table: 'known' | 'notKnown', keys: Changed): Promise<void> {
  const words = keys === 'all' ? null : [...keys].map(String);
  const marked = words ? (await db[table].bulkGet(words)).flatMap((row) => (row ? [row.simplified] : [])) : await db[table].toCollection().primaryKeys();
  const unmark = (entry: Entry) => {
    if (entry.mark === table) delete entry.mark;
  };
  if (words) for (const word of words) change(held, word, unmark);
  else for (const [word, entry] of held.words) if (entry.mark === table) change(held, word, unmark);
  for (const word of marked) change(held, word, (entry) => (entry.mark = table));
}

/**
 * The rows to hold from a table keyed by number: those of the ids changed, or the whole table, with the ids whose held
 * facts they replace (the ids changed, or every id held).
 */
async function rowsToHold<T>(
  table: { toArray(): Promise<T[]>; bulkGet(ids: number[]): Promise<(T | undefined)[]> },
  keys: Changed,
  held: ReadonlyMap<number, unknown>,
): Promise<{ ids: number[]; rows: (T | undefined)[] }> {
  if (keys === 'all') return { ids: [...held.keys()], rows: await table.toArray() };
  const ids = [...keys].map(Number);
  return { ids, rows: await table.bulkGet(ids) };
}

/** Brings the saved words up to date: the rows of the ids changed, or all of them, replace what was held of those ids. */
async function readSaved(db: YueduDb, held: Held, keys: Changed): Promise<void> {
  const { ids, rows } = await rowsToHold(db.words, keys, held.savedIds);
  for (const id of ids) {
    const word = held.savedIds.get(id);
    held.savedIds.delete(id);
    // The headword may already belong to a word saved again under a new id in the same change.
    if (word !== undefined)
      change(held, word, (entry) => {
        if (entry.saved?.id === id) delete entry.saved;
      });
  }
  for (const row of rows) {
    if (!row?.id) continue;
    const saved = { id: row.id, traditional: row.traditional };
    change(held, row.simplified, (entry) => (entry.saved = saved));
    held.savedIds.set(row.id, row.simplified);
  }
}

/** The same for the cards: the stability of the reviewed recognition cards among them. */
async function readStability(db: YueduDb, held: Held, keys: Changed): Promise<void> {
  const { ids, rows } = await rowsToHold(db.cards, keys, held.cardWords);
  for (const id of ids) {
    const wordId = held.cardWords.get(id);
    held.cardWords.delete(id);
    if (wordId !== undefined) held.stability.delete(wordId);
  }
  for (const card of rows) {
    if (!card?.id || card.kind !== 'recognize' || card.last_review === null) continue;
    held.stability.set(card.wordId, card.stability);
    held.cardWords.set(card.id, card.wordId);
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
