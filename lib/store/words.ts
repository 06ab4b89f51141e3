/**
 * Saved words: saving (a word met again gains its new sentence), editing, suspending, marking known, deleting.
 * Every write is one Dexie transaction, so saves from several tabs or pages at once cannot lose each other's data.
 */
import { t } from '../i18n';
import type { WordContext, WordToSave } from '../domain/word';
import { newCardFields, type CardRecord, type SavedContext, type SavedWord, type YueduDb } from './db';
import { cardKinds, queueFor } from './queue';
import { guard, StoreError } from './errors';
import { write } from './write';
import { bulkGetInPieces } from './bulk';
import { readPrefs, writePrefs, type ReviewPrefs } from './prefs';
import { Invalid, LIMITS, parseText } from './parse';
import { headword } from './records';
import { bury, unbury } from './tombstones';

const sameContext = (a: SavedContext, b: SavedContext) => a.sentence === b.sentence && a.url === b.url;

/**
 * The most sentences one word keeps from saving on pages. Past it a new sentence is refused with a message (the ones
 * kept are not dropped for it): a page pressing on one word cannot grow its record without bound.
 */
export const MAX_CONTEXTS = 50;

/** Adds the contexts not already there, oldest first; true when something was added. */
export function mergeContexts(into: SavedContext[], more: readonly SavedContext[]): boolean {
  let added = false;
  for (const c of more) {
    if (c.sentence === '' || into.some((k) => sameContext(k, c))) continue;
    into.push({ ...c });
    added = true;
  }
  into.sort((a, b) => a.date - b.date);
  return added;
}

/**
 * Must run inside a transaction over words, cards, known and meta. Creates missing cards and files each card in its
 * queue; reads and writes in bulk, since an import or a change of preferences passes every word.
 */
export async function syncCards(db: YueduDb, wordIds: readonly number[], now: number): Promise<void> {
  const prefs = await readPrefs(db);
  const ids = [...new Set(wordIds)];
  const words = (await bulkGetInPieces(db.words, ids)).filter((w): w is SavedWord => w?.id !== undefined);
  const known = await bulkGetInPieces(db.known, words.map((w) => w.simplified));
  const cardsOf = new Map<number, CardRecord[]>();
  for (const card of await db.cards.where('wordId').anyOf(ids).toArray()) {
    cardsOf.set(card.wordId, [...(cardsOf.get(card.wordId) ?? []), card]);
  }
  const added: CardRecord[] = [];
  const changed: CardRecord[] = [];
  words.forEach((word, i) => {
    const wordId = word.id ?? 0;
    const active = !word.suspended && !known[i];
    const cards = cardsOf.get(wordId) ?? [];
    for (const kind of cardKinds(prefs)) {
      if (cards.some((c) => c.kind === kind)) continue;
      const card: CardRecord = { wordId, kind, ...newCardFields(Math.max(word.savedAt, now)) };
      added.push({ ...card, queue: queueFor(card, active, prefs) });
    }
    for (const card of cards) {
      const queue = queueFor(card, active, prefs);
      if (card.queue !== queue) changed.push({ ...card, queue });
    }
  });
  await db.cards.bulkAdd(added);
  await db.cards.bulkPut(changed);
}

const writeTables = (db: YueduDb) => [db.words, db.cards, db.known, db.meta, db.tombstones];

/**
 * Saving a word is asking to learn it, even if it was marked known before; an older backup that still has the known
 * mark must not take the word out of review again, nor bring back a deletion older than this save.
 */
async function askToLearn(db: YueduDb, simplified: string, now: number): Promise<void> {
  if (await db.known.get(simplified)) {
    await db.known.delete(simplified);
    await bury(db, 'known', simplified, now);
  }
  await unbury(db, 'word', simplified);
}

/** Saves a word parsed where the request arrived (lib/messaging/payloads.ts), with the page it was met on. */
export async function saveWord(
  db: YueduDb,
  { word: asked, context: page }: { word: WordToSave; context: WordContext },
  now = Date.now(),
): Promise<{ id: number; created: boolean }> {
  // The same headword rules as an import: a page cannot store " 峰会" beside 峰会, nor a word with no character.
  const word = {
    ...asked,
    simplified: headword(asked.simplified, 'word.simplified', LIMITS.headword),
    traditional: headword(asked.traditional, 'word.traditional', LIMITS.headword),
  };
  const context: SavedContext = { ...page, date: now };
  return write(db, writeTables(db), async () => {
      await askToLearn(db, word.simplified, now);
      const existing = await db.words.where('simplified').equals(word.simplified).first();
      if (existing?.id !== undefined) {
        const isNew = context.sentence !== '' && !existing.contexts.some((c) => sameContext(c, context));
        if (isNew && existing.contexts.length >= MAX_CONTEXTS) throw new Invalid(t('invalidTooMany', 'contexts', MAX_CONTEXTS));
        mergeContexts(existing.contexts, [context]);
        existing.note ??= word.note;
        existing.hsk ??= word.hsk;
        existing.updatedAt = now;
        await db.words.put(existing);
        await syncCards(db, [existing.id], now);
        return { id: existing.id, created: false };
      }
      const id = Number(await db.words.add({
        ...word,
        contexts: context.sentence ? [context] : [],
        savedAt: now,
        updatedAt: now,
        suspended: false,
      }));
      await syncCards(db, [id], now);
      return { id, created: true };
    });
}

/**
 * Saves words brought from another tool (an Anki deck, a word list), with no sentence, in one transaction: words
 * already saved are left as they are. Headwords follow the rules of any save (trimmed, NFC, some Han or letter).
 */
export async function saveImported(db: YueduDb, words: readonly WordToSave[], now = Date.now()): Promise<{ added: number; already: number }> {
  const fresh = new Map<string, SavedWord>();
  for (const [i, w] of words.entries()) {
    const simplified = headword(w.simplified, `words[${i}].simplified`, LIMITS.headword);
    const traditional = headword(w.traditional, `words[${i}].traditional`, LIMITS.headword);
    if (!fresh.has(simplified)) fresh.set(simplified, { ...w, simplified, traditional, contexts: [], savedAt: now, updatedAt: now, suspended: false });
  }
  return write(db, writeTables(db), async () => {
    const have = new Set((await db.words.where('simplified').anyOf([...fresh.keys()]).keys()).map(String));
    const added = [...fresh.values()].filter((w) => !have.has(w.simplified));
    const ids = (await db.words.bulkAdd(added, { allKeys: true })).map(Number);
    for (const w of added) await askToLearn(db, w.simplified, now);
    await syncCards(db, ids, now);
    return { added: added.length, already: fresh.size - added.length };
  });
}

async function changeWord(db: YueduDb, id: number, change: (word: SavedWord) => void, now: number): Promise<void> {
  await write(db, writeTables(db), async () => {
      const word = await db.words.get(id);
      if (!word) throw new StoreError(t('storeNoSuchWord', id), 'missing');
      change(word);
      word.updatedAt = now;
      await db.words.put(word);
      await syncCards(db, [id], now);
    });
}

export const setNote = (db: YueduDb, id: number, note: string, now = Date.now()) =>
  changeWord(
    db,
    id,
    (w) => {
      const text = parseText(note, 'note', LIMITS.note, { empty: true }).trim();
      if (text) w.note = text;
      else delete w.note;
    },
    now,
  );

export const setSuspended = (db: YueduDb, id: number, suspended: boolean, now = Date.now()) =>
  changeWord(db, id, (w) => (w.suspended = suspended), now);

/** Deletes a word with its cards and their review history, inside a transaction over those three tables. */
export async function removeWord(db: YueduDb, id: number): Promise<void> {
  await db.reviews.where('wordId').equals(id).delete();
  await db.cards.where('wordId').equals(id).delete();
  await db.words.delete(id);
}

/** Deletes a word with its cards and their review history; the deletion is remembered (./tombstones.ts). */
export async function deleteWord(db: YueduDb, id: number, now = Date.now()): Promise<void> {
  await write(db, [db.words, db.cards, db.reviews, db.tombstones], async () => {
      const word = await db.words.get(id);
      if (!word) return;
      await removeWord(db, id);
      await bury(db, 'word', word.simplified, now);
    });
}

export async function setReverseCards(db: YueduDb, on: boolean, now = Date.now()): Promise<void> {
  await write(db, writeTables(db), async () => {
      await writePrefs(db, { ...(await readPrefs(db)), reverseCards: on });
      await syncCards(db, (await db.words.toCollection().primaryKeys()).map(Number), now);
    });
}

/** Everything the word-list page shows, read in one transaction. */
export async function wordListData(db: YueduDb): Promise<{ words: SavedWord[]; cards: CardRecord[]; known: Set<string>; prefs: ReviewPrefs }> {
  return guard(() =>
    db.transaction('r', [db.words, db.cards, db.known, db.meta], async () => ({
      words: await db.words.toArray(),
      cards: await db.cards.toArray(),
      known: new Set((await db.known.toCollection().primaryKeys()).map(String)),
      prefs: await readPrefs(db),
    })),
  );
}

/** Every saved word, for the Anki export. */
export const allWords = (db: YueduDb): Promise<SavedWord[]> => guard(() => db.words.toArray());
