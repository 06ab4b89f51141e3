import Dexie, { RangeSet, type DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import { restoreMarks, setMarks, WordFactsReader } from '../../../lib/store/known';
import { openDb, QUEUE, type YueduDb } from '../../../lib/store/db';
import { gradeCard } from '../../../lib/store/schedule';
import { deleteWord, saveWord } from '../../../lib/store/words';
import { community, ctx, DAY, factsOf, freshDb, summit, T0 } from './fixtures';

describe('known words in the store', () => {
  it('answers only for the words asked', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('一') }, T0);
    await setMarks(db, ['中国', '发展'], 'known', T0);
    await setMarks(db, ['合作'], 'notKnown', T0);
    expect(await factsOf(new WordFactsReader(db), ['中国', '合作', '峰会', '欢迎'], 21)).toEqual({
      known: ['中国'],
      notKnown: ['合作'],
      saved: [['峰会', '峰會']],
      stable: [],
    });
  });

  it('counts a saved word known for reading once its recognition card is stable enough, leaving it in the review', async () => {
    const db = freshDb();
    const { id } = await saveWord(db, { word: summit, context: ctx('一') }, T0);
    await saveWord(db, { word: community, context: ctx('二') }, T0);
    await db.cards.where({ wordId: id, kind: 'recognize' }).modify({ stability: 30, last_review: T0 + DAY, queue: QUEUE.scheduled });
    const words = ['峰会', '命运共同体'];
    expect((await factsOf(new WordFactsReader(db), words, 21)).stable).toEqual(['峰会']);
    expect((await factsOf(new WordFactsReader(db), words, 31)).stable).toEqual([]);
    expect((await factsOf(new WordFactsReader(db), words, 0)).stable).toEqual([]);
    expect((await db.cards.where({ wordId: id, kind: 'recognize' }).first())?.queue).toBe(QUEUE.scheduled);
  });

  it('holds the marked and saved words once, and reads them again after a write to them from anywhere', async () => {
    const db = freshDb();
    const reader = new WordFactsReader(db);
    expect(await factsOf(reader, ['中国', '峰会'], 21)).toEqual({ known: [], notKnown: [], saved: [], stable: [] });
    await setMarks(db, ['中国'], 'known', T0);
    await saveWord(db, { word: summit, context: ctx('一') }, T0);
    await expect.poll(() => factsOf(reader, ['中国', '峰会'], 21)).toEqual({ known: ['中国'], notKnown: [], saved: [['峰会', '峰會']], stable: [] });
    // A second Dexie connection to the same database (another page of the extension) writes: the reader follows.
    const other = openDb(db.name);
    await setMarks(other, ['中国'], 'notKnown', T0);
    await expect.poll(async () => (await factsOf(reader, ['中国'], 21)).notKnown).toEqual(['中国']);
    other.close();
  });

  it('reads the compact copy at the first ask, not the tables; after a change the rows it names, or the copy of a table written as a range', async () => {
    const db = freshDb();
    const read = countReads(db);
    await saveWord(db, { word: summit, context: ctx('一') }, T0);
    await setMarks(db, ['中国', '发展'], 'known', T0);
    const reader = new WordFactsReader(db);
    read.clear();
    expect(await factsOf(reader, ['中国', '峰会'], 21)).toEqual({ known: ['中国'], notKnown: [], saved: [['峰会', '峰會']], stable: [] });
    // The saved words' rows carry their sentences and senses: the first ask reads none of them, nor any mark's row.
    expect(read.tables()).toEqual(['wordFacts']);
    await setMarks(db, ['合作'], 'known', T0);
    read.clear();
    await expect.poll(async () => (await factsOf(reader, ['中国', '合作'], 21)).known).toEqual(['中国', '合作']);
    expect(read.rows('known')).toEqual(['合作']);
    expect(read.tables()).not.toContain('wordFacts');
    // Dexie names no keys for a bulk write of 50 rows or more, only the table: its copy is read again, no row of it.
    await setMarks(db, Array.from({ length: 60 }, (_, i) => `词${i}`), 'known', T0);
    read.clear();
    await expect.poll(async () => (await factsOf(reader, ['中国', '合作', '词0'], 21)).known).toEqual(['中国', '合作', '词0']);
    expect(read.tables()).toContain('wordFacts');
    expect(read.rows('known')).toEqual([]);
  });

  it('reads the copy when told to prepare, so that the first ask reads nothing', async () => {
    const db = freshDb();
    const read = countReads(db);
    await setMarks(db, ['中国'], 'known', T0);
    const reader = new WordFactsReader(db);
    read.clear();
    reader.prepare();
    await expect.poll(() => read.tables()).toEqual(['wordFacts']);
    // The ask that follows takes what that read holds, and reads no table itself.
    read.clear();
    expect((await factsOf(reader, ['中国'], 21)).known).toEqual(['中国']);
    expect(read.tables()).toEqual([]);
  });

  it('follows a saved word through a grade, its deletion and a new save from another connection', async () => {
    const db = freshDb();
    const reader = new WordFactsReader(db);
    const words = ['峰会'];
    expect(await factsOf(reader, words, 1)).toEqual({ known: [], notKnown: [], saved: [], stable: [] });
    const other = openDb(db.name);
    const { id } = await saveWord(other, { word: summit, context: ctx('一') }, T0);
    await expect.poll(() => factsOf(reader, words, 1)).toEqual({ known: [], notKnown: [], saved: [['峰会', '峰會']], stable: [] });
    const card = await other.cards.where({ wordId: id, kind: 'recognize' }).first();
    await gradeCard(other, card?.id ?? 0, 4, T0 + DAY);
    await expect.poll(async () => (await factsOf(reader, words, 1)).stable).toEqual(['峰会']);
    await deleteWord(other, id, T0 + 2 * DAY);
    await expect.poll(() => factsOf(reader, words, 1)).toEqual({ known: [], notKnown: [], saved: [], stable: [] });
    await saveWord(other, { word: summit, context: ctx('二') }, T0 + 3 * DAY);
    await expect.poll(async () => (await factsOf(reader, words, 1)).saved).toEqual([['峰会', '峰會']]);
    other.close();
  });

  it('takes the keys of a change told by another page as the BroadcastChannel delivers them, plain objects', async () => {
    const db = freshDb();
    await db.open();
    const reader = new WordFactsReader(db);
    expect((await factsOf(reader, ['中国'], 21)).known).toEqual([]);
    await rawPut(db, 'known', { simplified: '中国', markedAt: T0 });
    await rawPut(db, 'known', { simplified: '合作', markedAt: T0 });
    Dexie.on.storagemutated.fire({ [`idb://${db.name}/known/`]: structuredClone({ ...new RangeSet().addKey('中国') }) });
    expect((await factsOf(reader, ['中国', '合作'], 21)).known).toEqual(['中国']);
  });

  it('keeps a word in one table at most, and puts back exactly the marks there were before', async () => {
    const db = freshDb();
    await setMarks(db, ['中国'], 'known', T0);
    await setMarks(db, ['合作'], 'notKnown', T0);
    const before = await setMarks(db, ['中国', '合作', '欢迎'], 'known', T0 + 1);
    expect(before).toEqual({ none: ['欢迎'], known: ['中国'], notKnown: ['合作'] });
    expect((await db.known.toArray()).map((k) => k.simplified).sort()).toEqual(['中国', '合作', '欢迎'].sort());
    expect(await db.notKnown.count()).toBe(0);
    await restoreMarks(db, before, T0 + 2);
    expect((await db.known.toArray()).map((k) => k.simplified)).toEqual(['中国']);
    expect((await db.notKnown.toArray()).map((k) => k.simplified)).toEqual(['合作']);
  });

  it('takes a saved word out of the review when marked known and brings it back when not', async () => {
    const db = freshDb();
    const { id } = await saveWord(db, { word: summit, context: ctx('一') }, T0);
    const queue = async () => (await db.cards.where('wordId').equals(id).first())?.queue;
    await setMarks(db, ['峰会'], 'known', T0);
    expect(await queue()).toBe(QUEUE.inactive);
    await setMarks(db, ['峰会'], 'notKnown', T0);
    expect(await queue()).toBe(QUEUE.new);
  });
});

/**
 * Counts the rows the store is asked to read, by table: the keys asked for by key, and every row a query returns
 * (keys alone read no row: the badge counts the due cards after every write by their keys).
 */
function countReads(db: YueduDb) {
  const reads = new Map<string, unknown[]>();
  const note = (table: string, rows: unknown[]) => reads.set(table, [...(reads.get(table) ?? []), ...rows]);
  db.use({
    stack: 'dbcore',
    level: 20,
    create: (down: DBCore) => ({
      table(name: string) {
        const table = down.table(name);
        return {
          ...table,
          getMany: (req) => (note(name, req.keys), table.getMany(req)),
          get: (req) => (note(name, [req.key]), table.get(req)),
          query: async (req) => {
            const res = await table.query(req);
            if (req.values) note(name, res.result);
            return res;
          },
        };
      },
    }),
  });
  return {
    clear: () => reads.clear(),
    tables: () => [...reads.keys()].sort(),
    rows: (table: string) => reads.get(table) ?? [],
  };
}

/** Puts a row straight into IndexedDB, bypassing Dexie: no connection hears of it. */
function rawPut(db: YueduDb, table: string, row: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction(table, 'readwrite');
    tx.objectStore(table).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
