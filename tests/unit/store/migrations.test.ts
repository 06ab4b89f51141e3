import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, QUEUE, SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../lib/store/db';
import { nextCard } from '../../../lib/store/schedule';
import { saveWord, wordStates } from '../../../lib/store/words';
import { ctx, summit, T0 } from './fixtures';

/** Each released schema exactly as it shipped, to build old databases with. */
const OLD_SCHEMAS: Record<number, (db: Dexie) => void> = {
  1: (db) => db.version(1).stores({ words: '++id, &simplified, savedAt' }),
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
    expect(await wordStates(db)).toEqual({ saved: ['丝路', '峰会'], known: [] });
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
