import Dexie, { type EntityTable } from 'dexie';

export interface SavedWord {
  id?: number;
  simplified: string;
  traditional: string;
  pinyin: string;
  definitions: string[];
  savedAt: number;
}

export type YueduDb = Dexie & { words: EntityTable<SavedWord, 'id'> };

export const DB_NAME = 'yuedu';

export function openDb(name = DB_NAME): YueduDb {
  const db = new Dexie(name) as YueduDb;
  db.version(1).stores({ words: '++id, &simplified, savedAt' });
  return db;
}
