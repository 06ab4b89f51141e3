/**
 * The lookup history: the words the reader dwelt on in a card (content/hover/dwell.ts), one row a word with its
 * latest lookup, the last HISTORY_SIZE words kept. "What was that word I looked up yesterday?"
 */
import type { WordContext, WordToSave } from '../domain/word';
import type { LookupRecord, YueduDb } from './db';
import { guard } from './errors';

export const HISTORY_SIZE = 500;

/** Drops the oldest lookups beyond HISTORY_SIZE; inside a transaction over the history. */
async function trim(db: YueduDb): Promise<void> {
  const over = (await db.history.count()) - HISTORY_SIZE;
  if (over > 0) await db.history.bulkDelete(await db.history.orderBy('lookedUpAt').limit(over).primaryKeys());
}

/** Keeps a lookup (a word looked up again moves to the top), then drops the oldest beyond HISTORY_SIZE. */
export function recordLookup(db: YueduDb, { word, context }: { word: WordToSave; context: WordContext }, now = Date.now()): Promise<void> {
  return guard(() =>
    db.transaction('rw', db.history, async () => {
      await db.history.put({ simplified: word.simplified, word, context, lookedUpAt: now });
      await trim(db);
    }),
  );
}

/** Newest first. */
export const listHistory = (db: YueduDb): Promise<LookupRecord[]> => guard(() => db.history.orderBy('lookedUpAt').reverse().toArray());

export const clearHistory = (db: YueduDb): Promise<void> => guard(() => db.history.clear());

/** A backup's history merged in (inside the import's transaction): the later lookup of a word wins. */
export async function mergeHistory(db: YueduDb, records: readonly LookupRecord[]): Promise<void> {
  if (records.length === 0) return;
  const have = await db.history.bulkGet(records.map((r) => r.simplified));
  await db.history.bulkPut(records.filter((r, i) => (have[i]?.lookedUpAt ?? -1) < r.lookedUpAt));
  await trim(db);
}
