/**
 * What the store knows of the words a page shows (lib/domain/known.ts decides their state): asked for by headword, so
 * the answer is as small as the page, however many words the reader has marked or saved; and the marks, written in
 * bulk with what they replaced, so that "I've read this article" can be undone exactly.
 */
import { WORD_MARKS, type WordFacts, type WordMark } from '../domain/known';
import type { KnownWord, YueduDb } from './db';
import { guard } from './errors';
import { headword } from './records';
import { LIMITS } from './parse';
import { syncCards } from './words';
import { write } from './write';

/** FSRS stability is in days. */
const stableEnough = (stability: number, days: number) => days > 0 && stability >= days;

/** The facts of `words` (simplified headwords): marks, saved (with the traditional form), stable recognition cards. */
export async function wordFacts(db: YueduDb, words: readonly string[], stableDays: number): Promise<WordFacts> {
  return guard(() =>
    db.transaction('r', [db.words, db.known, db.notKnown, db.cards], async () => {
      const [known, notKnown, saved] = await Promise.all([
        db.known.bulkGet([...words]),
        db.notKnown.bulkGet([...words]),
        db.words.where('simplified').anyOf([...words]).toArray(),
      ]);
      const recognize = stableDays > 0 ? await db.cards.where('[wordId+kind]').anyOf(saved.map((w) => [w.id ?? 0, 'recognize'])).toArray() : [];
      const stableIds = new Set(recognize.filter((c) => c.last_review !== null && stableEnough(c.stability, stableDays)).map((c) => c.wordId));
      return {
        known: known.flatMap((k) => (k ? [k.simplified] : [])),
        notKnown: notKnown.flatMap((k) => (k ? [k.simplified] : [])),
        saved: saved.map((w): [string, string] => [w.simplified, w.traditional]),
        stable: saved.filter((w) => stableIds.has(w.id ?? 0)).map((w) => w.simplified),
      };
    }),
  );
}

export type MarksBefore = Record<WordMark, string[]>;

/**
 * Gives every word of `words` the mark `mark` (a word is in the known table, the not-known table, or neither), and
 * files the cards of the saved ones (a known word is not reviewed); resolves with each word's mark before, by mark.
 */
export async function setMarks(db: YueduDb, words: readonly string[], mark: WordMark, now = Date.now()): Promise<MarksBefore> {
  const list = [...new Set(words.map((w, i) => headword(w, `words[${i}]`, LIMITS.headword)))];
  return write(db, [db.words, db.cards, db.known, db.notKnown, db.meta], async () => {
    const [known, notKnown] = await Promise.all([db.known.bulkGet(list), db.notKnown.bulkGet(list)]);
    const before: MarksBefore = { none: [], known: [], notKnown: [] };
    list.forEach((w, i) => before[known[i] ? 'known' : notKnown[i] ? 'notKnown' : 'none'].push(w));
    const rows = list.map((simplified) => ({ simplified, markedAt: now }));
    if (mark !== 'known') await db.known.bulkDelete(list);
    if (mark !== 'notKnown') await db.notKnown.bulkDelete(list);
    if (mark === 'known') await db.known.bulkPut(rows);
    if (mark === 'notKnown') await db.notKnown.bulkPut(rows);
    await syncCards(db, (await db.words.where('simplified').anyOf(list).primaryKeys()).map(Number), now);
    return before;
  });
}

/** Puts back the marks `setMarks` reported as there before. */
export async function restoreMarks(db: YueduDb, before: MarksBefore, now = Date.now()): Promise<void> {
  for (const mark of WORD_MARKS) if (before[mark].length) await setMarks(db, before[mark], mark, now);
}

/** Every word marked known, newest first: the word list's known tab. */
export const listKnown = (db: YueduDb): Promise<KnownWord[]> => guard(async () => (await db.known.toArray()).sort((a, b) => b.markedAt - a.markedAt));

/** What importing `words` as known would do: words newly known, words known already, saved words left as they are. */
export async function planKnownImport(db: YueduDb, words: readonly string[]): Promise<{ add: string[]; already: string[]; saved: string[] }> {
  return guard(() =>
    db.transaction('r', [db.known, db.words], async () => {
      const known = await db.known.bulkGet([...words]);
      const saved = new Set((await db.words.where('simplified').anyOf([...words]).keys()).map(String));
      const plan = { add: [] as string[], already: [] as string[], saved: [] as string[] };
      words.forEach((w, i) => (known[i] ? plan.already : saved.has(w) ? plan.saved : plan.add).push(w));
      return plan;
    }),
  );
}
