import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, QUEUE, SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../lib/store/db';
import { nextCard } from '../../../lib/store/schedule';
import { saveWord } from '../../../lib/store/words';
import { setMarks, WordFactsReader } from '../../../lib/store/known';
import { ctx, DAY, factsOf, summit, T0 } from './fixtures';

/** Each released schema exactly as it shipped, to build old databases with. */
const OLD_SCHEMAS: Record<number, (db: Dexie) => void> = {
  1: (db) => db.version(1).stores({ words: '++id, &simplified, savedAt' }),
  2: (db) =>
    db.version(2).stores({
      words: '++id, &simplified, savedAt, updatedAt',
      cards: '++id, wordId, &[wordId+kind], [queue+due]',
      reviews: '++id, cardId, wordId, review',
      known: '&simplified',
      meta: '&key',
    }),
  3: (db) => {
    OLD_SCHEMAS[2]?.(db);
    db.version(3).stores({ words: '++id, &simplified, traditional, savedAt, updatedAt' });
  },
  6: (db) => {
    OLD_SCHEMAS[3]?.(db);
    db.version(6).stores({ history: '&simplified, lookedUpAt' });
  },
  7: (db) => {
    OLD_SCHEMAS[6]?.(db);
    db.version(7).stores({ notKnown: '&simplified' });
  },
  8: (db) => {
    OLD_SCHEMAS[7]?.(db);
    db.version(8).stores({ corrections: '++id, text, createdAt' });
  },
  9: (db) => {
    OLD_SCHEMAS[8]?.(db);
    db.version(9).stores({ tombstones: '&[kind+simplified]' });
  },
  10: (db) => {
    OLD_SCHEMAS[9]?.(db);
    db.version(10).stores({ wordFacts: '[table+bucket]' });
  },
};

describe('schema migrations', () => {
  it('has a test schema for every version older than the current one', () => {
    expect(SCHEMA_VERSIONS.at(-1)).toBe(SCHEMA_VERSION);
    expect(Object.keys(OLD_SCHEMAS).map(Number)).toEqual(SCHEMA_VERSIONS.slice(0, -1));
  });

  it('upgrades a v1 database: words keep their data, gain contexts and a new card each, and can be saved again', async () => {
    const name = 'migrate-from-v1';
    const v1 = new Dexie(name);
    OLD_SCHEMAS[1]?.(v1);
    await v1.table('words').bulkAdd([
      { simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit'], savedAt: T0 },
      { simplified: '丝路', traditional: '絲路', pinyin: 'si1 lu4', definitions: ['Silk Road'], savedAt: T0 + 1 },
    ]);
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.words.toArray()).toEqual([
      { id: 1, simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit'], savedAt: T0, contexts: [], updatedAt: T0, suspended: false },
      { id: 2, simplified: '丝路', traditional: '絲路', pinyin: 'si1 lu4', definitions: ['Silk Road'], savedAt: T0 + 1, contexts: [], updatedAt: T0 + 1, suspended: false },
    ]);
    expect((await db.cards.toArray()).map((c) => [c.wordId, c.kind, c.queue, c.due, c.state])).toEqual([
      [1, 'recognize', QUEUE.new, T0, 0],
      [2, 'recognize', QUEUE.new, T0 + 1, 0],
    ]);
    expect((await nextCard(db, T0 + 5, 20))?.word.simplified).toBe('峰会');
    expect(await saveWord(db, { word: summit, context: ctx('新的句子。') }, T0 + 10)).toEqual({ id: 1, created: false });
    expect((await factsOf(new WordFactsReader(db), ['丝路', '峰会'], 0)).saved).toEqual([['丝路', '絲路'], ['峰会', '峰會']]);
    db.close();
  });

  it('upgrades a v2 database: saved words are then found by their traditional form too', async () => {
    const name = 'migrate-from-v2';
    const v2 = new Dexie(name);
    OLD_SCHEMAS[2]?.(v2);
    const word = { simplified: '发展', traditional: '發展', pinyin: 'fa1 zhan3', definitions: ['to develop'], contexts: [], savedAt: T0, updatedAt: T0, suspended: false };
    await v2.table('words').add(word);
    await v2.table('known').add({ simplified: '峰会', markedAt: T0 });
    v2.close();

    const db = openDb(name);
    expect(await db.words.where('traditional').equals('發展').toArray()).toEqual([{ id: 1, ...word }]);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await factsOf(new WordFactsReader(db), ['发展', '峰会'], 0)).toEqual({ known: ['峰会'], notKnown: [], saved: [['发展', '發展']], stable: [] });
    db.close();
  });

  it('upgrades a v3 database: words stay, and the lookup history starts empty', async () => {
    const name = 'migrate-from-v3';
    const v3 = new Dexie(name);
    OLD_SCHEMAS[3]?.(v3);
    const word = { simplified: '发展', traditional: '發展', pinyin: 'fa1 zhan3', definitions: ['to develop'], contexts: [], savedAt: T0, updatedAt: T0, suspended: false };
    await v3.table('words').add(word);
    v3.close();

    const db = openDb(name);
    expect(await db.words.toArray()).toEqual([{ id: 1, ...word }]);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.history.count()).toBe(0);
    db.close();
  });

  it('upgrades a v6 database: history and words stay, and no deletion is remembered yet', async () => {
    const name = 'migrate-from-v6';
    const v6 = new Dexie(name);
    OLD_SCHEMAS[6]?.(v6);
    const word = { simplified: '发展', traditional: '發展', pinyin: 'fa1 zhan3', definitions: ['to develop'], contexts: [], savedAt: T0, updatedAt: T0, suspended: false };
    await v6.table('words').add(word);
    const lookup = { simplified: '峰会', word: summit, context: { sentence: '', title: '', url: 'https://example.com/' }, lookedUpAt: T0 };
    await v6.table('history').add(lookup);
    v6.close();

    const db = openDb(name);
    expect(await db.words.toArray()).toEqual([{ id: 1, ...word }]);
    expect(await db.history.toArray()).toEqual([lookup]);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.tombstones.count()).toBe(0);
    db.close();
  });

  it('upgrades a v7 database: the not-known marks stay', async () => {
    const name = 'migrate-from-v7';
    const v7 = new Dexie(name);
    OLD_SCHEMAS[7]?.(v7);
    await v7.table('notKnown').add({ simplified: '中国', markedAt: T0 });
    v7.close();

    const db = openDb(name);
    expect(await db.notKnown.toArray()).toEqual([{ simplified: '中国', markedAt: T0 }]);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.tombstones.count()).toBe(0);
    db.close();
  });

  it('upgrades a v8 database: the corrections stay', async () => {
    const name = 'migrate-from-v8';
    const v8 = new Dexie(name);
    OLD_SCHEMAS[8]?.(v8);
    const correction = { kind: 'join', text: '命运共同体', traditional: '命運共同體', site: '', scope: 'all', createdAt: T0 };
    await v8.table('corrections').add(correction);
    v8.close();

    const db = openDb(name);
    expect(await db.corrections.toArray()).toEqual([{ id: 1, ...correction }]);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a v9 database: the known-word model reads its marks, saved words and card stabilities from the copy built', async () => {
    const name = 'migrate-from-v9';
    const v9 = new Dexie(name);
    OLD_SCHEMAS[9]?.(v9);
    const word = { simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit'], contexts: [], savedAt: T0, updatedAt: T0, suspended: false };
    await v9.table('words').bulkAdd([word, { ...word, simplified: '丝路', traditional: '絲路' }]);
    const card = { kind: 'recognize', queue: QUEUE.scheduled, due: T0 + 30 * DAY, stability: 30, difficulty: 5, elapsed_days: 1, scheduled_days: 30, learning_steps: 0, reps: 2, lapses: 0, state: 2 };
    await v9.table('cards').bulkAdd([
      { ...card, wordId: 1, last_review: T0 },
      { ...card, wordId: 2, last_review: T0 },
      { ...card, wordId: 2, kind: 'produce', last_review: T0 },
    ]);
    await v9.table('known').bulkAdd([{ simplified: '中国', markedAt: T0 }, { simplified: '发展', markedAt: T0 }]);
    await v9.table('notKnown').add({ simplified: '合作', markedAt: T0 });
    v9.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const reader = new WordFactsReader(db);
    const words = ['中国', '发展', '合作', '峰会', '丝路', '欢迎'];
    expect(await factsOf(reader, words, 21)).toEqual({ known: ['中国', '发展'], notKnown: ['合作'], saved: [['峰会', '峰會'], ['丝路', '絲路']], stable: ['峰会', '丝路'] });
    // What the upgrade built is kept from then on.
    await setMarks(db, ['中国'], 'notKnown', T0 + DAY);
    await expect.poll(async () => (await factsOf(reader, words, 21)).notKnown).toEqual(['中国', '合作']);
    db.close();
  });

  it('upgrades a v10 database: its copy, in lists, is built again as the rows say, and read from then on', async () => {
    const name = 'migrate-from-v10';
    const v10 = new Dexie(name);
    OLD_SCHEMAS[10]?.(v10);
    await v10.table('known').bulkAdd([{ simplified: '中国', markedAt: T0 }, { simplified: '发展', markedAt: T0 }]);
    const word = { simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit'], contexts: [], savedAt: T0, updatedAt: T0, suspended: false };
    await v10.table('words').add(word);
    // Version 10 kept each bucket as a list; this one is also stale (a mark since taken back), which the rebuild drops.
    await v10.table('wordFacts').bulkAdd([
      { table: 'known', bucket: 0, entries: ['中国', '合作'] },
      { table: 'words', bucket: 0, entries: [1, '峰会', '峰會'] },
    ]);
    v10.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.wordFacts.toArray()).every(({ entries }) => typeof entries === 'string')).toBe(true);
    const reader = new WordFactsReader(db);
    const words = ['中国', '发展', '合作', '峰会'];
    expect(await factsOf(reader, words, 21)).toEqual({ known: ['中国', '发展'], notKnown: [], saved: [['峰会', '峰會']], stable: [] });
    await setMarks(db, ['合作'], 'known', T0 + DAY);
    await expect.poll(async () => (await factsOf(reader, words, 21)).known).toEqual(['中国', '发展', '合作']);
    db.close();
  });

  it('opens an empty v1 database', async () => {
    const v1 = new Dexie('empty-v1');
    OLD_SCHEMAS[1]?.(v1);
    await v1.open();
    v1.close();
    const db = openDb('empty-v1');
    expect(await db.cards.count()).toBe(0);
    db.close();
  });
});
