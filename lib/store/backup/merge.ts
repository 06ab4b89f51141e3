/**
 * Imports a checked backup into the store: duplicates are merged (by headword, card kind, review time) instead of
 * doubled, and it all runs in one transaction: all or nothing.
 */
import { t } from '../../i18n';
import { SCHEMA_VERSION, type CardRecord, type FsrsState, type ReviewRecord, type SavedWord, type YueduDb } from '../db';
import { StoreError } from '../errors';
import { readPrefs, writePrefs } from '../prefs';
import { MAX_KEPT_ID, type Repair } from '../records';
import { mergeContexts, syncCards } from '../words';
import { write } from '../write';
import { mergeHistory } from '../history';
import { replaces, sameCorrection } from '../corrections';
import type { Backup } from './format';
import { parseBackup } from './parse';

export interface ImportSummary {
  words: { added: number; merged: number };
  cards: { added: number; merged: number };
  reviews: { added: number; duplicates: number };
  known: { added: number };
  corrections: { added: number };
  /** What was repaired on the way in (lib/store/records.ts), with where. */
  repaired: Repair[];
}

/** More reviews, then the latest review, wins: the card that has been studied more keeps its schedule. */
const moreAdvanced = (a: FsrsState, b: FsrsState) => a.reps > b.reps || (a.reps === b.reps && (a.last_review ?? 0) > (b.last_review ?? 0));

/**
 * Adds records keeping each file id that is still free and not huge (see MAX_KEPT_ID), so an import into an empty
 * store is identical.
 * Records keeping their id go first: the key generator then moves past them before numbering the others.
 */
async function addKeepingIds<T extends { id?: number }>(
  bulkAdd: (rows: T[]) => Promise<unknown[]>,
  items: T[],
  taken: Set<number>,
): Promise<number[]> {
  const keep: number[] = [];
  const renumber: number[] = [];
  const keeps = (id: number | undefined) => id !== undefined && id <= MAX_KEPT_ID && !taken.has(id);
  items.forEach((item, i) => (keeps(item.id) ? keep : renumber).push(i));
  const keys: number[] = new Array<number>(items.length);
  const add = async (indexes: number[], strip: boolean) => {
    const rows = indexes.map((i) => {
      const item = items[i] as T;
      if (!strip) return item;
      const rest = { ...item };
      delete rest.id;
      return rest;
    });
    (await bulkAdd(rows)).forEach((key, j) => {
      keys[indexes[j] ?? 0] = Number(key);
      taken.add(Number(key));
    });
  };
  await add(keep, false);
  await add(renumber, true);
  return keys;
}

async function importBackup(db: YueduDb, backup: Backup, repaired: Repair[], now: number): Promise<ImportSummary> {
  const summary: ImportSummary = {
    words: { added: 0, merged: 0 },
    cards: { added: 0, merged: 0 },
    reviews: { added: 0, duplicates: 0 },
    known: { added: 0 },
    corrections: { added: 0 },
    repaired,
  };
  await write(db, [db.words, db.cards, db.reviews, db.known, db.meta, db.history, db.corrections], async () => {
      const prefs = await readPrefs(db);
      const turnsOnReverse = backup.prefs.reverseCards && !prefs.reverseCards;
      if (turnsOnReverse) await writePrefs(db, { ...prefs, reverseCards: true });

      const wordsBySimplified = new Map((await db.words.toArray()).map((w) => [w.simplified, w]));
      const wordIds = new Set((await db.words.toCollection().primaryKeys()).map(Number));
      const wordMap = new Map<number, number>();
      const newWords: SavedWord[] = [];
      for (const w of backup.words) {
        const existing = wordsBySimplified.get(w.simplified);
        if (existing?.id === undefined) {
          newWords.push(w);
          continue;
        }
        mergeContexts(existing.contexts, w.contexts);
        existing.note ??= w.note;
        existing.hsk ??= w.hsk;
        existing.savedAt = Math.min(existing.savedAt, w.savedAt);
        existing.updatedAt = Math.max(existing.updatedAt, w.updatedAt);
        await db.words.put(existing);
        wordMap.set(w.id ?? 0, existing.id);
        summary.words.merged++;
      }
      const newWordKeys = await addKeepingIds((rows) => db.words.bulkAdd(rows, { allKeys: true }), newWords, wordIds);
      newWords.forEach((w, i) => wordMap.set(w.id ?? 0, newWordKeys[i] ?? 0));
      summary.words.added = newWords.length;

      const cardsByKey = new Map((await db.cards.toArray()).map((c) => [`${c.wordId}/${c.kind}`, c]));
      const cardIds = new Set((await db.cards.toCollection().primaryKeys()).map(Number));
      const cardMap = new Map<number, number>();
      const mergedCards = new Set<number>();
      const newCards: CardRecord[] = [];
      for (const c of backup.cards) {
        const wordId = wordMap.get(c.wordId) ?? 0;
        const existing = cardsByKey.get(`${wordId}/${c.kind}`);
        if (existing?.id === undefined) {
          newCards.push({ ...c, wordId });
          continue;
        }
        if (moreAdvanced(c, existing)) await db.cards.put({ ...c, id: existing.id, wordId });
        cardMap.set(c.id ?? 0, existing.id);
        mergedCards.add(existing.id);
        summary.cards.merged++;
      }
      const newCardKeys = await addKeepingIds((rows) => db.cards.bulkAdd(rows, { allKeys: true }), newCards, cardIds);
      newCards.forEach((c, i) => cardMap.set(c.id ?? 0, newCardKeys[i] ?? 0));
      summary.cards.added = newCards.length;

      const reviewIds = new Set((await db.reviews.toCollection().primaryKeys()).map(Number));
      const seen = new Set<string>();
      for (const r of await db.reviews.where('cardId').anyOf([...mergedCards]).toArray()) seen.add(`${r.cardId}/${r.review}/${r.rating}`);
      const newReviews: ReviewRecord[] = [];
      for (const r of backup.reviews) {
        const cardId = cardMap.get(r.cardId) ?? 0;
        const key = `${cardId}/${r.review}/${r.rating}`;
        if (seen.has(key)) {
          summary.reviews.duplicates++;
          continue;
        }
        seen.add(key);
        newReviews.push({ ...r, cardId, wordId: wordMap.get(r.wordId) ?? 0 });
      }
      await addKeepingIds((rows) => db.reviews.bulkAdd(rows, { allKeys: true }), newReviews, reviewIds);
      summary.reviews.added = newReviews.length;

      for (const k of backup.known) {
        if (await db.known.get(k.simplified)) continue;
        await db.known.add(k);
        summary.known.added++;
      }
      await mergeHistory(db, backup.history ?? []);
      // Of two corrections of the same word, family and place, the later one holds (as when the reader makes it).
      const corrections = await db.corrections.toArray();
      const newCorrections = (backup.corrections ?? []).filter((c) => !corrections.some((kept) => sameCorrection(kept, c) || (replaces(kept, c) && kept.createdAt >= c.createdAt)));
      await db.corrections.bulkDelete(corrections.filter((kept) => newCorrections.some((c) => replaces(kept, c))).map((kept) => kept.id ?? 0));
      await addKeepingIds((rows) => db.corrections.bulkAdd(rows, { allKeys: true }), newCorrections, new Set(corrections.map((c) => c.id ?? 0)));
      summary.corrections.added = newCorrections.length;
      // Known words, suspensions and preferences from both sides decide which cards are reviewed now.
      const touched = turnsOnReverse ? (await db.words.toCollection().primaryKeys()).map(Number) : [...new Set(wordMap.values())];
      await syncCards(db, touched, now);
    });
  return summary;
}

/** Parses, checks and imports a backup file's text; nothing changes unless all of it is imported. */
export async function importBackupText(db: YueduDb, text: string, now = Date.now()): Promise<ImportSummary> {
  const repaired: Repair[] = [];
  const backup = parseBackup(text, now, repaired);
  if (backup.schema > SCHEMA_VERSION) {
    throw new StoreError(t('backupNewerSchema'), 'invalid');
  }
  return importBackup(db, backup, repaired, now);
}
