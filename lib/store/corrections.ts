/**
 * The reader's corrections (dictionary/corrections.ts): made on the hover card, listed and removed on the word list,
 * carried in the backup. One correction of a family (where words end; the reading) per word and scope: a new one
 * replaces the old, so a join made after a split of the same word is what holds.
 */
import { cutsWords } from '../../dictionary/corrections';
import type { CorrectionScope } from '../domain/correction';
import type { CorrectionRecord, YueduDb } from './db';
import { guard } from './errors';
import { correctionRecord } from './records';
import { write } from './write';

const sameFamily = (a: CorrectionRecord, b: CorrectionRecord) => cutsWords(a.kind) === cutsWords(b.kind);
const samePlace = (a: CorrectionRecord, b: CorrectionRecord) => a.scope === b.scope && (a.scope === 'all' || a.site === b.site);

/** Whether `b` takes the place of `a`: the same word, family and place. */
export const replaces = (a: CorrectionRecord, b: CorrectionRecord): boolean => a.text === b.text && sameFamily(a, b) && samePlace(a, b);

/** Whether a correction holds on `site`: made there, or for every page. */
export const holdsOn = (c: CorrectionRecord, site: string): boolean => c.scope === 'all' || c.site === site;

/** Newest first. */
export const listCorrections = (db: YueduDb): Promise<CorrectionRecord[]> => guard(() => db.corrections.orderBy('createdAt').reverse().toArray());

/** Keeps a correction (checked as a backup's would be), replacing the one of its family for the same word and place. */
export async function addCorrection(db: YueduDb, correction: CorrectionRecord, now = Date.now()): Promise<number> {
  const record = correctionRecord({ ...correction }, 'correction', now, []);
  delete record.id;
  return write(db, [db.corrections], async () => {
    const replaced = (await db.corrections.where('text').equals(record.text).toArray()).filter((c) => replaces(c, record));
    await db.corrections.bulkDelete(replaced.map((c) => c.id ?? 0));
    return Number(await db.corrections.add(record));
  });
}

/** Removes the corrections of these words that hold on `site`; resolves with how many were removed. */
export function removeCorrectionsOf(db: YueduDb, texts: readonly string[], site: string): Promise<number> {
  return write(db, [db.corrections], async () => {
    const found = (await db.corrections.where('text').anyOf([...texts]).toArray()).filter((c) => holdsOn(c, site));
    await db.corrections.bulkDelete(found.map((c) => c.id ?? 0));
    return found.length;
  });
}

export const removeCorrection = (db: YueduDb, id: number): Promise<void> => write(db, [db.corrections], () => db.corrections.delete(id));

/** Makes a correction hold on its own site only, or on every page. */
export function setCorrectionScope(db: YueduDb, id: number, scope: CorrectionScope): Promise<void> {
  return write(db, [db.corrections], async () => {
    const correction = await db.corrections.get(id);
    if (!correction || correction.scope === scope) return;
    const moved = { ...correction, scope };
    const replaced = (await db.corrections.where('text').equals(moved.text).toArray()).filter((c) => c.id !== id && replaces(c, moved));
    await db.corrections.bulkDelete(replaced.map((c) => c.id ?? 0));
    await db.corrections.put(moved);
  });
}

/** Whether two corrections say the same thing (ids and dates aside): a backup's copy of one already kept is skipped. */
export const sameCorrection = (a: CorrectionRecord, b: CorrectionRecord): boolean =>
  replaces(a, b) && a.kind === b.kind && a.reading === b.reading && a.pieces?.join() === b.pieces?.join();
