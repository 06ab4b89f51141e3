import type { DBCore, IndexableType } from 'dexie';
import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { exportBackup, serializeBackup } from '../../../lib/store/backup/format';
import { importBackupText } from '../../../lib/store/backup/merge';
import { repairStore } from '../../../lib/store/consistency';
import { openDb, type YueduDb } from '../../../lib/store/db';
import { COPY_TABLE, forEachKept, keptOf, MarkedWords, MIRRORED, type Mirrored, type Rows } from '../../../lib/store/facts-copy';
import { setMarks } from '../../../lib/store/known';
import { gradeCard, nextCard, undoGrade } from '../../../lib/store/schedule';
import { deleteWord, saveImported, saveWord, setReverseCards, setSuspended } from '../../../lib/store/words';
import { community, ctx, DAY, freshDb, MIN, summit, T0 } from './fixtures';

type Kept = Record<Mirrored, [IndexableType, unknown][]>;
const byKey = (a: [IndexableType, unknown], b: [IndexableType, unknown]) => (String(a[0]) < String(b[0]) ? -1 : 1);

/** What the copy holds, by table: each row's key and what is kept of it. */
async function copyOf(db: YueduDb): Promise<Kept> {
  const kept: Kept = { known: [], notKnown: [], words: [], cards: [] };
  for (const { table, entries } of await db.wordFacts.toArray()) forEachKept(table, entries, (key, fields) => kept[table].push([key, fields]));
  for (const table of MIRRORED) kept[table].sort(byKey);
  return kept;
}

/** What the copy should hold: the tables' rows as they are, each row's key and what is kept of it. */
async function tablesOf(db: YueduDb): Promise<Kept> {
  const kept: Kept = { known: [], notKnown: [], words: [], cards: [] };
  for (const table of MIRRORED) {
    const rows = await db.table<Rows[typeof table], IndexableType>(table).toArray();
    const keys = await db.table(table).toCollection().primaryKeys();
    rows.forEach((row, i) => {
      const fields = keptOf(table, row);
      if (fields) kept[table].push([keys[i] as IndexableType, fields]);
    });
    kept[table].sort(byKey);
  }
  return kept;
}

const expectCopyCurrent = async (db: YueduDb) => expect(await copyOf(db)).toEqual(await tablesOf(db));

describe('the copy of the known-word facts', () => {
  it('stays what its tables hold through every write the store makes, from any connection', async () => {
    const db = freshDb();
    const other = openDb(db.name);
    const summitId = (await saveWord(db, { word: summit, context: ctx('峰会。') }, T0)).id;
    await saveWord(other, { word: community, context: ctx('共同体。') }, T0);
    await saveWord(db, { word: summit, context: ctx('峰会又开了。') }, T0 + MIN);
    await expectCopyCurrent(db);
    // Marks one at a time, and 60 at once (Dexie writes them as a range).
    await setMarks(db, ['中国', '发展'], 'known', T0);
    await setMarks(other, ['合作'], 'notKnown', T0);
    await setMarks(db, Array.from({ length: 60 }, (_, i) => `词${i}`), 'known', T0);
    await setMarks(db, ['中国', '词1'], 'notKnown', T0);
    await expectCopyCurrent(db);
    // Grades (the stability kept), an undo, a suspension, the reverse cards, a deletion.
    const item = await nextCard(db, T0 + 2 * MIN, 20);
    const { reviewId } = await gradeCard(db, item?.card.id ?? 0, Rating.Good, T0 + 2 * MIN);
    await expectCopyCurrent(db);
    await undoGrade(other, reviewId);
    await gradeCard(other, item?.card.id ?? 0, Rating.Easy, T0 + DAY);
    await setSuspended(db, summitId, true, T0 + DAY);
    await setReverseCards(other, true, T0 + DAY);
    await expectCopyCurrent(db);
    await deleteWord(db, summitId, T0 + 2 * DAY);
    await saveImported(other, [summit, { ...community, simplified: '丝路', traditional: '絲路' }], T0 + 3 * DAY);
    await expectCopyCurrent(db);
    // A backup imported into another store, and writes past lib/store: a clear, a modify, a range deleted.
    const copy = freshDb();
    await importBackupText(copy, serializeBackup(await exportBackup(db, T0 + 4 * DAY)), T0 + 4 * DAY);
    await expectCopyCurrent(copy);
    expect((await copyOf(copy)).known).toEqual((await copyOf(db)).known);
    await db.known.clear();
    await db.cards.toCollection().modify({ stability: 50 });
    await db.notKnown.where('simplified').between('', '词5').delete();
    await expectCopyCurrent(db);
    // The consistency repair of a store damaged past the validators.
    await db.words.add({ ...summit, id: 50, simplified: '\u200B', traditional: '\u200B', contexts: [], savedAt: T0, updatedAt: T0, suspended: false });
    await db.known.put({ simplified: ' 新疆', markedAt: T0 });
    await repairStore(db, T0 + 5 * DAY);
    await expectCopyCurrent(db);
    other.close();
  });

  it('keeps the rows of two writes of one transaction that run at once', async () => {
    const db = freshDb();
    const words = (from: number) => Array.from({ length: 40 }, (_, i) => ({ simplified: `词${from + i}`, markedAt: T0 }));
    await db.transaction('rw', [db.known, db.notKnown], () => Promise.all([db.known.bulkPut(words(0)), db.known.bulkPut(words(40)), db.notKnown.bulkPut(words(80))]));
    expect((await copyOf(db)).known).toHaveLength(80);
    await expectCopyCurrent(db);
  });

  it('aborts a write whose copy cannot be written, so its rows are not kept without it', async () => {
    const db = freshDb();
    // Below the copy's middleware: its writes to the copy fail as a full disk would have them.
    db.use({
      stack: 'dbcore',
      level: 5,
      create: (down: DBCore) => ({
        table(name: string) {
          const table = down.table(name);
          return name !== COPY_TABLE ? table : { ...table, mutate: async () => ({ numFailures: 1, failures: { 0: new Error('disk full') }, lastResult: undefined, results: [] }) };
        },
      }),
    });
    await expect(setMarks(db, ['中国'], 'known', T0)).rejects.toThrow();
    expect(await db.known.count()).toBe(0);
  });
});

describe('the marked words a worker holds', () => {
  it('answers as a set of the same words would, from the copy as written and through later marks', async () => {
    const db = freshDb();
    // Headwords of every kind of character, so that each bucket holds some, in no particular order.
    const words = Array.from({ length: 400 }, (_, i) => ['词', '𠀋', 'ａ', '中国'][i % 4] + String.fromCharCode(0x4e00 + ((i * 7919) % 20000)));
    await db.known.bulkPut(words.slice(0, 300).map((simplified) => ({ simplified, markedAt: T0 })));
    const copy = (await db.wordFacts.toArray()).filter((bucket) => bucket.table === 'known');
    expect(copy.length).toBeGreaterThan(1);
    const held = new MarkedWords(copy);
    const expected = new Set(words.slice(0, 300));
    const answers = () => words.filter((w) => held.has(w));
    expect(answers()).toEqual(words.filter((w) => expected.has(w)));
    for (const [i, word] of words.entries()) {
      const marked = i % 3 !== 0;
      held.set(word, marked);
      if (marked) expected.add(word);
      else expected.delete(word);
    }
    held.set(words[1] as string, true);
    expect(answers()).toEqual(words.filter((w) => expected.has(w)));
    expect(new MarkedWords().has('中国')).toBe(false);
  });
});
