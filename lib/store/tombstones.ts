/**
 * Deletions remembered (db.ts `Tombstone`), so that an import merges by the reader's latest intent: a word deleted here
 * after a backup was made stays deleted when that backup is imported, and a known mark taken back stays taken back.
 * Must run inside a transaction that includes the tombstones table.
 */
import type { Tombstone, TombstoneKind, YueduDb } from './db';

export const bury = (db: YueduDb, kind: TombstoneKind, simplified: string, at: number) => db.tombstones.put({ kind, simplified, at });

/** Doing the thing again (saving the word, marking it known) is newer than its removal. */
export const unbury = (db: YueduDb, kind: TombstoneKind, simplified: string) => db.tombstones.delete([kind, simplified]);

/** Keeps the later of two removals of the same thing. */
export async function buryLater(db: YueduDb, stone: Tombstone): Promise<boolean> {
  const here = await db.tombstones.get([stone.kind, stone.simplified]);
  if (here && here.at >= stone.at) return false;
  await db.tombstones.put(stone);
  return true;
}
