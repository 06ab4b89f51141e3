/**
 * What the store knows of the words a page shows (lib/domain/known.ts decides their state): asked for by headword, so
 * the answer is as small as the page, however many words the reader has marked or saved; and the marks, written in
 * bulk with what they replaced, so that "I've read this article" can be undone exactly.
 */
import Dexie from 'dexie';
import { WORD_MARKS, type WordFacts, type WordMark } from '../domain/known';
import type { KnownWord, YueduDb } from './db';
import { guard } from './errors';
import { headword } from './records';
import { LIMITS } from './parse';
import { syncCards } from './words';
import { write } from './write';

/** FSRS stability is in days. */
const stableEnough = (stability: number, days: number) => days > 0 && stability >= days;

/** Dexie's names for the parts a write touched (idb://<db>/<table>/<index>): the ones the held keys come from. */
const HELD_TABLES = /^idb:\/\/[^/]*\/(known|notKnown|words|cards)\//;

interface Held {
  known: ReadonlySet<string>;
  notKnown: ReadonlySet<string>;
  /** Saved simplified headword → its id and traditional form. */
  saved: ReadonlyMap<string, { id: number; traditional: string }>;
  /** Word id → the FSRS stability of its recognition card, for the cards reviewed at least once. */
  stability: ReadonlyMap<number, number>;
}

/**
 * Answers `wordStates` for the words a page asks about. The marked and saved headwords are held in memory, read
 * once, and again after any write to their tables from any page of the extension (Dexie
 * tells every context through a BroadcastChannel), with the stability of the recognition cards (read again after a
 * grade): each answer then costs as much as the words asked, whatever the number of words the reader has marked or
 * saved. The first answer after a change pays for reading them (a bench row says how much).
 */
export class WordFactsReader {
  private held: Promise<Held> | null = null;

  constructor(private readonly db: YueduDb) {
    Dexie.on('storagemutated', (parts) => {
      if (Object.keys(parts).some((part) => HELD_TABLES.test(part))) this.held = null;
    });
  }

  async facts(words: readonly string[], stableDays: number): Promise<WordFacts> {
    const held = await (this.held ??= this.read());
    const saved = words.flatMap((w) => {
      const row = held.saved.get(w);
      return row ? [{ simplified: w, ...row }] : [];
    });
    const stable = (id: number) => stableEnough(held.stability.get(id) ?? 0, stableDays);
    return {
      known: words.filter((w) => held.known.has(w)),
      notKnown: words.filter((w) => held.notKnown.has(w)),
      saved: saved.map((w): [string, string] => [w.simplified, w.traditional]),
      stable: saved.filter((w) => stable(w.id)).map((w) => w.simplified),
    };
  }

  private read(): Promise<Held> {
    const { db } = this;
    const reading = guard(() =>
      db.transaction('r', [db.known, db.notKnown, db.words, db.cards], async () => {
        // getAll and getAllKeys, one request each: walking the words' index keys with a cursor costs a step a word.
        const [known, notKnown, words, cards] = await Promise.all([
          db.known.toCollection().primaryKeys(),
          db.notKnown.toCollection().primaryKeys(),
          db.words.toArray(),
          db.cards.toArray(),
        ]);
        const saved = new Map(words.map((w) => [w.simplified, { id: w.id ?? 0, traditional: w.traditional }]));
        const reviewed = cards.filter((c) => c.kind === 'recognize' && c.last_review !== null);
        const stability = new Map(reviewed.map((c) => [c.wordId, c.stability]));
        return { known: new Set(known.map(String)), notKnown: new Set(notKnown.map(String)), saved, stability };
      }),
    );
    // A failed read is not kept: the next ask tries again.
    reading.catch(() => (this.held = null));
    return reading;
  }
}

export type MarksBefore = Record<WordMark, string[]>;

/**
 * Gives every word of `words` the mark `mark` (a word is in the known table, the not-known table, or neither), and
 * files the cards of the saved ones (a known word is not reviewed); resolves with each word's mark before, by mark.
 */
export async function setMarks(db: YueduDb, words: readonly string[], mark: WordMark, now = Date.now()): Promise<MarksBefore> {
  const list = [...new Set(words.map((w, i) => headword(w, `words[${i}]`, LIMITS.headword)))];
  return write(db, [db.words, db.cards, db.known, db.notKnown, db.meta, db.tombstones], async () => {
    const [known, notKnown] = await Promise.all([db.known.bulkGet(list), db.notKnown.bulkGet(list)]);
    const before: MarksBefore = { none: [], known: [], notKnown: [] };
    list.forEach((w, i) => before[known[i] ? 'known' : notKnown[i] ? 'notKnown' : 'none'].push(w));
    // A known mark taken back is remembered, so that an older backup cannot mark the word known again.
    if (mark === 'known') await db.tombstones.bulkDelete(list.map((w) => ['known', w]));
    else await db.tombstones.bulkPut(before.known.map((simplified) => ({ kind: 'known', simplified, at: now })));
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
