import type { Table } from 'dexie';
import { refreshBadge } from './badge';
import type { YueduDb } from './db';
import { guard } from './errors';

/**
 * Every change to the store goes through here: one read-write transaction over `tables` (all or nothing, so writes
 * from several tabs and pages cannot lose each other's data), then, once it has committed, the toolbar badge is
 * recounted, wherever the change was made (background, popup, word list). The caller does not wait for the badge.
 */
export async function write<T>(db: YueduDb, tables: readonly Table[], work: () => Promise<T>): Promise<T> {
  const result = await guard(() => db.transaction('rw', tables as Table[], work));
  void refreshBadge(db);
  return result;
}
