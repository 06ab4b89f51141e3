/**
 * A compact copy of what the known-word model needs from four tables (table `wordFacts`): the marked headwords, the
 * saved words' ids and headwords (without their sentences and senses), and the stability of the reviewed recognition
 * cards. The service worker reads it whole when it starts (lib/store/known.ts), in a few rows, where the rows it
 * mirrors cost a step each: in Chromium on a two-core machine, the keys alone of 20,000 known words took 50–170 ms to
 * read, the rows of 5,000 saved words 120–290 ms and of their cards 95–180 ms; the copy of all of it, 32 rows, 21 ms.
 *
 * It cannot go stale: every context opens the store with openDb (./db.ts), which puts `keepCopy` in Dexie's stack, and
 * there every write to the four tables writes the copy too, in the same IndexedDB transaction (a write whose copy
 * cannot be written is aborted): the copy commits with the rows or not at all, whoever writes them. A store from
 * before the copy gets it built whole in the upgrade to the version that brought it. Only a write around Dexie, with
 * the raw IndexedDB API, would pass it by; the extension makes none.
 *
 * The copy of each table is split by key into buckets, one row each, so that a write rewrites only the buckets of the
 * rows it wrote (a mark, a grade: a few kilobytes), never the whole copy.
 */
import Dexie, { type DBCore, type DBCoreTable, type DBCoreTransaction, type IndexableType, type Middleware, type Transaction } from 'dexie';
import type { CardRecord, KnownWord, SavedWord } from './db';

export const COPY_TABLE = 'wordFacts';

/** The tables the copy mirrors. */
export const MIRRORED = ['known', 'notKnown', 'words', 'cards'] as const;
export type Mirrored = (typeof MIRRORED)[number];
const isMirrored = (name: string): name is Mirrored => (MIRRORED as readonly string[]).includes(name);

/** What the copy keeps of a row, after its key; a table's rows that it does not keep have none. */
export interface Kept {
  known: readonly [];
  notKnown: readonly [];
  words: readonly [simplified: string, traditional: string];
  cards: readonly [wordId: number, stability: number];
}
type Fields = Kept[Mirrored];

/** The rows of each mirrored table. */
export interface Rows {
  known: KnownWord;
  notKnown: KnownWord;
  words: SavedWord;
  cards: CardRecord;
}

const NONE: readonly [] = [];
const KEEP: { [T in Mirrored]: (row: Rows[T]) => Kept[T] | undefined } = {
  known: () => NONE,
  notKnown: () => NONE,
  words: (word) => [word.simplified, word.traditional],
  // The stability of a card never reviewed means nothing (0).
  cards: (card) => (card.kind === 'recognize' && card.last_review !== null ? [card.wordId, card.stability] : undefined),
};
/** What the copy keeps of a row of `table` (undefined: nothing, the row is not kept). */
export const keptOf = <T extends Mirrored>(table: T, row: Rows[T]): Kept[T] | undefined => KEEP[table](row);

const WIDTH: { [T in Mirrored]: number } = { known: 0, notKnown: 0, words: 2, cards: 2 };

/**
 * One bucket of a table's copy: the key of each row kept in it, each followed by what is kept of the row, as the JSON
 * of one flat list. IndexedDB reads one string many times faster than a list of thousands: in Chromium, the copy of
 * 20,000 known and 5,000 saved words as lists took 33 ms more to read than an empty copy.
 */
export interface CopyBucket {
  table: Mirrored;
  bucket: number;
  entries: string;
}

/**
 * Buckets per table. Reading a row costs about as much as a thousand words in one (in Chromium, the copy in 128 rows
 * took twice as long to read as in 4), and a write rewrites its buckets: with 8, the copy is read in 32 rows at most,
 * and marking a word rewrites an eighth of the known words (2,500 of 20,000, some 20 kB).
 */
const BUCKETS = 8;

/** A row's bucket, from its key (a headword or an id). */
function bucketOf(key: IndexableType): number {
  const text = String(key);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

const listOf = (entries: string): unknown[] => JSON.parse(entries) as unknown[];

/** Calls `each` with the key of every row a bucket of `table` keeps and what it keeps of it. */
export function forEachKept<T extends Mirrored>(table: T, entries: string, each: (key: IndexableType, kept: Kept[T]) => void): void {
  const width = WIDTH[table];
  const list = listOf(entries);
  for (let i = 0; i < list.length; i += width + 1) each(list[i] as IndexableType, (width ? list.slice(i + 1, i + 1 + width) : NONE) as Kept[T]);
}

/** Where `word` is, or would be, in the sorted `list`. */
function placeOf(list: readonly string[], word: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as string) < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The headwords of a table of marks, held as its copy gives them: each bucket's list, sorted, searched by halves. A
 * cold worker builds this from the copy's lists as they come, where a Set hashed every one of 20,000 headwords first
 * (5–15 ms of its first answer, on a two-core machine).
 */
export class MarkedWords {
  private readonly lists: string[][] = Array.from({ length: BUCKETS }, () => []);

  /**
   * From the copy of one table of marks (its buckets numbered by `bucketOf`, as here). The copy writes each list sorted;
   * one from an older copy is sorted here.
   */
  constructor(copy: readonly CopyBucket[] = []) {
    for (const { bucket, entries } of copy) this.lists[bucket] = (listOf(entries) as string[]).sort();
  }

  has(word: string): boolean {
    const list = this.listOf(word);
    return list[placeOf(list, word)] === word;
  }

  set(word: string, marked: boolean): void {
    const list = this.listOf(word);
    const at = placeOf(list, word);
    const there = list[at] === word;
    if (marked && !there) list.splice(at, 0, word);
    if (!marked && there) list.splice(at, 1);
  }

  private listOf(word: string): string[] {
    return this.lists[bucketOf(word)] as string[];
  }
}

const decode = (table: Mirrored, entries: string) => {
  const kept = new Map<IndexableType, Fields>();
  forEachKept(table, entries, (key, fields) => kept.set(key, fields));
  return kept;
};

/** Adds `items` to the list of `key` in `lists`. */
function push<K, V>(lists: Map<K, V[]>, key: K, ...items: V[]): void {
  const list = lists.get(key);
  if (list) list.push(...items);
  else lists.set(key, items);
}

/** A bucket's list; a table of marks has its headwords sorted, as the worker holds them (MarkedWords). */
const encode = (table: Mirrored, kept: ReadonlyMap<IndexableType, Fields>): string =>
  JSON.stringify(WIDTH[table] ? [...kept].flatMap(([key, fields]) => [key, ...fields]) : [...kept.keys()].sort());

/**
 * The copy's writes in one transaction: each bucket is read once, then written again after every write to its table,
 * one write after the other (two writes of a transaction may run at once, and would each lose the other's rows).
 */
class CopyWriter {
  private readonly buckets = new Map<string, Map<IndexableType, Fields>>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly copy: DBCoreTable,
    private readonly trans: DBCoreTransaction,
  ) {}

  /** Sets what is kept of the rows of `changes` (undefined: nothing, the row is gone or not kept). */
  write(table: Mirrored, changes: ReadonlyMap<IndexableType, Fields | undefined>): Promise<void> {
    const written = this.queue.then(() => this.apply(table, changes));
    this.queue = written.catch(() => undefined);
    return written;
  }

  private async apply(table: Mirrored, changes: ReadonlyMap<IndexableType, Fields | undefined>): Promise<void> {
    const { copy, trans } = this;
    const byBucket = new Map<number, [IndexableType, Fields | undefined][]>();
    for (const change of changes) push(byBucket, bucketOf(change[0]), change);
    const missing = [...byBucket.keys()].filter((bucket) => !this.buckets.has(`${table}/${bucket}`));
    const read = (await copy.getMany({ trans, keys: missing.map((bucket) => [table, bucket]) })) as (CopyBucket | undefined)[];
    missing.forEach((bucket, i) => this.buckets.set(`${table}/${bucket}`, decode(table, read[i]?.entries ?? '[]')));
    const values: CopyBucket[] = [...byBucket].map(([bucket, changed]) => {
      const kept = this.buckets.get(`${table}/${bucket}`) ?? new Map<IndexableType, Fields>();
      for (const [key, fields] of changed) {
        if (fields) kept.set(key, fields);
        else kept.delete(key);
      }
      return { table, bucket, entries: encode(table, kept) };
    });
    const result = await copy.mutate({ type: 'put', trans, values });
    // Dexie reports a failed write without failing the transaction: the rows would commit without their copy.
    if (result.numFailures) {
      trans.abort();
      throw Object.values(result.failures)[0] ?? new Error('the known-word copy was not written');
    }
  }
}

/** Dexie middleware: every write to a mirrored table writes the copy in the same transaction (see above). */
export const keepCopy: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'KnownWordCopy',
  create(down) {
    // The upgrade of a store from before the copy runs the versions before it without it; its own version builds it.
    if (!down.schema.tables.some((table) => table.name === COPY_TABLE)) return {};
    const writers = new WeakMap<DBCoreTransaction, CopyWriter>();
    const writerOf = (trans: DBCoreTransaction) => {
      let writer = writers.get(trans);
      if (!writer) writers.set(trans, (writer = new CopyWriter(down.table(COPY_TABLE), trans)));
      return writer;
    };
    return {
      transaction: (stores, mode, options) =>
        down.transaction(mode === 'readwrite' && stores.some(isMirrored) && !stores.includes(COPY_TABLE) ? [...stores, COPY_TABLE] : stores, mode, options),
      table(name) {
        const table = down.table(name);
        if (!isMirrored(name)) return table;
        const keep = KEEP[name] as (row: unknown) => Fields | undefined;
        return {
          ...table,
          async mutate(req) {
            // A range names no keys: those it deletes are read first.
            const inRange =
              req.type === 'deleteRange'
                ? ((await table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })).result as IndexableType[])
                : [];
            const result = await table.mutate(req);
            const changes = new Map<IndexableType, Fields | undefined>();
            if (req.type === 'add' || req.type === 'put') {
              req.values.forEach((row, i) => {
                if (!result.failures[i]) changes.set(result.results?.[i] as IndexableType, keep(row));
              });
            } else for (const key of req.type === 'delete' ? (req.keys as IndexableType[]) : inRange) changes.set(key, undefined);
            if (changes.size) await writerOf(req.trans).write(name, changes);
            return result;
          },
        };
      },
    };
  },
};

/** Builds the copy whole from the tables it mirrors: the upgrade of a store from before it. */
export async function buildCopy(tx: Transaction): Promise<void> {
  for (const name of MIRRORED) {
    const table = tx.table(name);
    const keyPath = table.schema.primKey.keyPath as string;
    const keep = KEEP[name] as (row: unknown) => Fields | undefined;
    const buckets = new Map<number, Map<IndexableType, Fields>>();
    for (const row of await table.toArray()) {
      const fields = keep(row);
      if (!fields) continue;
      const key = Dexie.getByKeyPath(row, keyPath) as IndexableType;
      const bucket = bucketOf(key);
      buckets.set(bucket, (buckets.get(bucket) ?? new Map<IndexableType, Fields>()).set(key, fields));
    }
    await tx.table<CopyBucket>(COPY_TABLE).bulkPut([...buckets].map(([bucket, kept]) => ({ table: name, bucket, entries: encode(name, kept) })));
  }
}

/** Builds the copy again, in the form this code writes: the upgrade of a store whose copy is in an older form. */
export async function rebuildCopy(tx: Transaction): Promise<void> {
  await tx.table(COPY_TABLE).clear();
  await buildCopy(tx);
}
