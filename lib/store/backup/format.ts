/**
 * The JSON backup file: every word, card, review, known and not-known word with its id, so export → import into an empty store
 * gives back exactly the same data. Checked by ./parse.ts, merged into the store by ./merge.ts.
 */
import {
  SCHEMA_VERSION,
  type CardRecord,
  type CorrectionRecord,
  type KnownWord,
  type LookupRecord,
  type NotKnownWord,
  type ReviewRecord,
  type SavedWord,
  type Tombstone,
  type YueduDb,
} from '../db';
import { guard } from '../errors';
import { readPrefs, type ReviewPrefs } from '../prefs';

export const BACKUP_FORMAT = 'yuedu-backup';
/** The backup file's own version: it changes only when the file layout changes, not with every schema version. */
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_CHARS = 256 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  schema: number;
  exportedAt: number;
  prefs: ReviewPrefs;
  words: SavedWord[];
  cards: CardRecord[];
  reviews: ReviewRecord[];
  known: KnownWord[];
  /** The lookup history (../history.ts); optional, since backups made before it have none. */
  history?: LookupRecord[];
  /** Words marked not known (exceptions to the reader's level); optional, since backups made before them have none. */
  notKnown?: NotKnownWord[];
  /** Deletions (../tombstones.ts); optional, since backups made before them have none. */
  tombstones?: Tombstone[];
  /** The reader's corrections (../corrections.ts); optional, since backups made before them have none. */
  corrections?: CorrectionRecord[];
}

export async function exportBackup(db: YueduDb, now = Date.now()): Promise<Backup> {
  return guard(() =>
    db.transaction('r', [db.words, db.cards, db.reviews, db.known, db.meta, db.history, db.notKnown, db.tombstones, db.corrections], async () => ({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schema: SCHEMA_VERSION,
      exportedAt: now,
      prefs: await readPrefs(db),
      words: await db.words.toArray(),
      cards: await db.cards.toArray(),
      reviews: await db.reviews.toArray(),
      known: await db.known.toArray(),
      history: await db.history.toArray(),
      notKnown: await db.notKnown.toArray(),
      tombstones: await db.tombstones.toArray(),
      corrections: await db.corrections.toArray(),
    })),
  );
}

/** The backup as text, with keys in a fixed order so that equal data always gives the same file. */
export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

export const backupFileName = (now = Date.now()) => `yuedu-backup-${new Date(now).toISOString().slice(0, 10)}.json`;

