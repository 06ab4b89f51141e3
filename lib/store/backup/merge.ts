/**
 * Imports a checked backup into the store: duplicates are merged (by headword, card kind, review time) instead of
 * doubled, and it all runs in one transaction: all or nothing. Where the two sides disagree, the later change wins,
 * field by field: a word deleted here after the file was made stays deleted (../tombstones.ts), a word saved here after
 * the file marked it known stays in review, a word edited later in the file takes the file's note and suspension, and
 * the file's own deletions apply to what did not change here since.
 */
import { t } from '../../i18n';
import { SCHEMA_VERSION, type CardRecord, type FsrsState, type ReviewRecord, type SavedWord, type YueduDb } from '../db';
import { StoreError } from '../errors';
import { readPrefs, writePrefs } from '../prefs';
import { MAX_KEPT_ID, type Repair } from '../records';
import { mergeContexts, removeWord, syncCards } from '../words';
import { buryLater, unbury } from '../tombstones';
import { write } from '../write';
import { BULK_ROWS } from '../bulk';
import { mergeHistory } from '../history';
import { replaces, sameCorrection } from '../corrections';
import type { Backup } from './format';
import { parseBackup } from './parse';
import type { ImportProgress } from './progress';

export interface ImportSummary {
  /**
   * newerInFile: merged words whose note and suspension came from the file, edited there later; keptDeleted: words
   * deleted here after the file's last change to them; deleted: words here deleted later in the file.
   */
  words: { added: number; merged: number; newerInFile: number; keptDeleted: number; deleted: number };
  cards: { added: number; merged: number };
  reviews: { added: number; duplicates: number };
  /** keptSaved: the file's known marks not applied, the word saved or marked here later; removed: known marks taken back in the file. */
  known: { added: number; keptSaved: number; removed: number };
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
  written: (n: number) => void,
): Promise<number[]> {
  const keep: number[] = [];
  const renumber: number[] = [];
  const keeps = (id: number | undefined) => id !== undefined && id <= MAX_KEPT_ID && !taken.has(id);
  items.forEach((item, i) => (keeps(item.id) ? keep : renumber).push(i));
  const keys: number[] = new Array<number>(items.length);
  const add = async (all: number[], strip: boolean) => {
    // In pieces (../bulk.ts): each is cloned into IndexedDB on the page's thread, and the page stays responsive between them.
    for (let start = 0; start < all.length; start += BULK_ROWS) {
      const indexes = all.slice(start, start + BULK_ROWS);
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
      written(indexes.length);
    }
  };
  await add(keep, false);
  await add(renumber, true);
  return keys;
}

async function importBackup(db: YueduDb, backup: Backup, repaired: Repair[], now: number, progress?: ImportProgress): Promise<ImportSummary> {
  const total = backup.words.length + backup.cards.length + backup.reviews.length;
  let done = 0;
  const written = (n: number) => progress?.('writing', (done += n), total);
  const summary: ImportSummary = {
    words: { added: 0, merged: 0, newerInFile: 0, keptDeleted: 0, deleted: 0 },
    cards: { added: 0, merged: 0 },
    reviews: { added: 0, duplicates: 0 },
    known: { added: 0, keptSaved: 0, removed: 0 },
    corrections: { added: 0 },
    repaired,
  };
  await write(db, [db.words, db.cards, db.reviews, db.known, db.meta, db.history, db.notKnown, db.tombstones, db.corrections], async () => {
      const prefs = await readPrefs(db);
      const turnsOnReverse = backup.prefs.reverseCards && !prefs.reverseCards;
      if (turnsOnReverse) await writePrefs(db, { ...prefs, reverseCards: true });

      const wordsBySimplified = new Map((await db.words.toArray()).map((w) => [w.simplified, w]));
      const stones = new Map((await db.tombstones.toArray()).map((s) => [`${s.kind}/${s.simplified}`, s.at]));
      const changedHere = new Map([...wordsBySimplified.values()].map((w) => [w.simplified, w.updatedAt]));

      // The file's deletions first: each applies to what has not changed here since, and is remembered.
      for (const stone of backup.tombstones ?? []) {
        if (stone.kind === 'word') {
          const here = wordsBySimplified.get(stone.simplified);
          if (here?.id !== undefined && here.updatedAt > stone.at) continue;
          if (here?.id !== undefined) {
            await removeWord(db, here.id);
            wordsBySimplified.delete(stone.simplified);
            summary.words.deleted++;
          }
        } else {
          const here = await db.known.get(stone.simplified);
          if (here && here.markedAt > stone.at) continue;
          if (here) {
            await db.known.delete(stone.simplified);
            summary.known.removed++;
          }
        }
        if (await buryLater(db, stone)) stones.set(`${stone.kind}/${stone.simplified}`, stone.at);
      }
      const deletedHereSince = (kind: 'word' | 'known', simplified: string, changedAt: number) =>
        (stones.get(`${kind}/${simplified}`) ?? -Infinity) >= changedAt;

      const wordIds = new Set((await db.words.toCollection().primaryKeys()).map(Number));
      const wordMap = new Map<number, number>();
      const newWords: SavedWord[] = [];
      for (const w of backup.words) {
        if (deletedHereSince('word', w.simplified, w.updatedAt)) {
          summary.words.keptDeleted++;
          continue;
        }
        const existing = wordsBySimplified.get(w.simplified);
        if (existing?.id === undefined) {
          newWords.push(w);
          continue;
        }
        mergeContexts(existing.contexts, w.contexts);
        if (w.updatedAt > existing.updatedAt) {
          // Edited later in the file: its note and suspension are the reader's latest word on them.
          if (w.note === undefined) delete existing.note;
          else existing.note = w.note;
          existing.suspended = w.suspended;
          summary.words.newerInFile++;
        }
        existing.hsk ??= w.hsk;
        existing.savedAt = Math.min(existing.savedAt, w.savedAt);
        existing.updatedAt = Math.max(existing.updatedAt, w.updatedAt);
        await db.words.put(existing);
        wordMap.set(w.id ?? 0, existing.id);
        summary.words.merged++;
      }
      const newWordKeys = await addKeepingIds((rows) => db.words.bulkAdd(rows, { allKeys: true }), newWords, wordIds, written);
      newWords.forEach((w, i) => wordMap.set(w.id ?? 0, newWordKeys[i] ?? 0));
      // A word saved again is newer than any deletion of it that was older still.
      for (const w of newWords) await unbury(db, 'word', w.simplified);
      summary.words.added = newWords.length;

      const cardsByKey = new Map((await db.cards.toArray()).map((c) => [`${c.wordId}/${c.kind}`, c]));
      const cardIds = new Set((await db.cards.toCollection().primaryKeys()).map(Number));
      const cardMap = new Map<number, number>();
      const mergedCards = new Set<number>();
      const newCards: CardRecord[] = [];
      for (const c of backup.cards) {
        const wordId = wordMap.get(c.wordId);
        if (wordId === undefined) continue; // its word stays deleted
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
      const newCardKeys = await addKeepingIds((rows) => db.cards.bulkAdd(rows, { allKeys: true }), newCards, cardIds, written);
      newCards.forEach((c, i) => cardMap.set(c.id ?? 0, newCardKeys[i] ?? 0));
      summary.cards.added = newCards.length;

      const reviewIds = new Set((await db.reviews.toCollection().primaryKeys()).map(Number));
      const seen = new Set<string>();
      for (const r of await db.reviews.where('cardId').anyOf([...mergedCards]).toArray()) seen.add(`${r.cardId}/${r.review}/${r.rating}`);
      const newReviews: ReviewRecord[] = [];
      for (const r of backup.reviews) {
        const cardId = cardMap.get(r.cardId);
        if (cardId === undefined) continue; // its word stays deleted
        const key = `${cardId}/${r.review}/${r.rating}`;
        if (seen.has(key)) {
          summary.reviews.duplicates++;
          continue;
        }
        seen.add(key);
        newReviews.push({ ...r, cardId, wordId: wordMap.get(r.wordId) ?? 0 });
      }
      await addKeepingIds((rows) => db.reviews.bulkAdd(rows, { allKeys: true }), newReviews, reviewIds, written);
      summary.reviews.added = newReviews.length;

      // Marks (known, not known): the later of the two sides' marks of a word wins. A word saved or un-marked here
      // after the file's mark keeps its state here; a store older than the tombstones has no record of un-marking,
      // but a word saved again was changed after the mark.
      const markHere = async (simplified: string) => (await db.known.get(simplified)) ?? (await db.notKnown.get(simplified));
      for (const k of backup.known) {
        if (await db.known.get(k.simplified)) continue;
        const here = await markHere(k.simplified);
        if ((here?.markedAt ?? -Infinity) >= k.markedAt || deletedHereSince('known', k.simplified, k.markedAt) || (changedHere.get(k.simplified) ?? -Infinity) > k.markedAt) {
          summary.known.keptSaved++;
          continue;
        }
        await db.notKnown.delete(k.simplified);
        await db.known.add(k);
        await unbury(db, 'known', k.simplified);
        summary.known.added++;
      }
      for (const k of backup.notKnown ?? []) {
        if (await db.notKnown.get(k.simplified)) continue;
        const here = await db.known.get(k.simplified);
        if (here && here.markedAt >= k.markedAt) continue;
        if (here) {
          await db.known.delete(k.simplified);
          summary.known.removed++;
        }
        await db.notKnown.add(k);
      }
      await mergeHistory(db, backup.history ?? []);
      // Of two corrections of the same word, family and place, the later one holds (as when the reader makes it).
      const corrections = await db.corrections.toArray();
      const newCorrections = (backup.corrections ?? []).filter((c) => !corrections.some((kept) => sameCorrection(kept, c) || (replaces(kept, c) && kept.createdAt >= c.createdAt)));
      await db.corrections.bulkDelete(corrections.filter((kept) => newCorrections.some((c) => replaces(kept, c))).map((kept) => kept.id ?? 0));
      await addKeepingIds((rows) => db.corrections.bulkAdd(rows, { allKeys: true }), newCorrections, new Set(corrections.map((c) => c.id ?? 0)), () => undefined);
      summary.corrections.added = newCorrections.length;
      // Known words, suspensions and preferences from both sides decide which cards are reviewed now.
      const knownChanged = [...backup.known, ...(backup.notKnown ?? []), ...(backup.tombstones ?? [])].map((k) => wordsBySimplified.get(k.simplified)?.id ?? 0);
      const touched = turnsOnReverse
        ? (await db.words.toCollection().primaryKeys()).map(Number)
        : [...new Set([...wordMap.values(), ...knownChanged.filter((id) => id > 0)])];
      await syncCards(db, touched, now);
    });
  return summary;
}

/** Parses, checks and imports a backup file's text; nothing changes unless all of it is imported. */
export async function importBackupText(db: YueduDb, text: string, now = Date.now(), progress?: ImportProgress): Promise<ImportSummary> {
  const repaired: Repair[] = [];
  const backup = await parseBackup(text, now, repaired, progress);
  if (backup.schema > SCHEMA_VERSION) {
    throw new StoreError(t('backupNewerSchema'), 'invalid');
  }
  return importBackup(db, backup, repaired, now, progress);
}
