/**
 * Keeps the mirror of the sites with corrections (lib/corrected-sites.ts) in storage.local: a Dexie middleware in openDb
 * recomputes it in every transaction that writes corrections, whoever writes them (the card's keys in the worker, the
 * word list, a backup), and stores it once the transaction has committed. A store from before the mirror gets it from
 * the worker when the extension is installed or updated (mirrorIfMissing).
 */
import type { DBCore, DBCoreKeyRange, DBCoreRangeType, DBCoreTransaction, Middleware } from 'dexie';
import { browser } from 'wxt/browser';
import { CORRECTED_SITES, correctedSites } from '../corrected-sites';
import type { CorrectionRecord, YueduDb } from './db';
import { guard } from './errors';

const TABLE = 'corrections';
/** Every key (DBCoreRangeType.Any: Dexie declares the enum for types only). */
const EVERY_KEY: DBCoreKeyRange = { type: 3 as DBCoreRangeType.Any, lower: undefined, upper: undefined };

const store = (sites: string[]): Promise<void> => browser.storage.local.set({ [CORRECTED_SITES]: sites });

/**
 * Writes the mirror of the store's corrections when there is none. Not on a lookup: the write's storage event would
 * start the worker again right after Chromium stopped it.
 */
export async function mirrorIfMissing(db: YueduDb): Promise<void> {
  const stored = await browser.storage.local.get(CORRECTED_SITES);
  if (stored[CORRECTED_SITES] === undefined) await store(correctedSites(await guard(() => db.corrections.toArray())));
}

export const keepCorrectedSites: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'CorrectedSites',
  create(down) {
    if (!down.schema.tables.some((table) => table.name === TABLE)) return {};
    /** The mirror as of each transaction's last write to the table, stored when it commits (not if it aborts). */
    const latest = new WeakMap<DBCoreTransaction, string[]>();
    return {
      table(name) {
        const table = down.table(name);
        if (name !== TABLE) return table;
        return {
          ...table,
          async mutate(req) {
            const result = await table.mutate(req);
            // The reader has tens of corrections, not thousands: all of them are read again.
            const all = await table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: EVERY_KEY } });
            if (!latest.has(req.trans)) {
              // Dexie's base DBCore transaction is the IndexedDB transaction itself.
              (req.trans as unknown as IDBTransaction).addEventListener('complete', () => {
                const sites = latest.get(req.trans);
                if (sites) store(sites).catch((err: unknown) => console.warn('Yuedu: corrected sites not mirrored', err));
              });
            }
            latest.set(req.trans, correctedSites(all.result as CorrectionRecord[]));
            return result;
          },
        };
      },
    };
  },
};
