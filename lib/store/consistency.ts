/**
 * A full consistency check of the store, and its one-click repair: for a store damaged by an older version or a bad
 * import. Every record is held to lib/store/records.ts; a record that cannot be made valid is removed, everything
 * else is kept (a card whose schedule is unusable becomes new again rather than being lost with its word).
 */
import { t } from '../i18n';
import {
  newCardFields,
  type CardRecord,
  type CorrectionRecord,
  type KnownWord,
  type ReviewRecord,
  type SavedWord,
  type Tombstone,
  type TombstoneKind,
  type YueduDb,
} from './db';
import { guard } from './errors';
import { Invalid, LIMITS } from './parse';
import { correctionRecord, dueDate, headword, pastDate, sortedContexts, usableFsrs } from './records';
import { syncCards } from './words';
import { write } from './write';

export interface Problem {
  /** e.g. "words/12.savedAt". */
  path: string;
  message: string;
}

const explain = (err: unknown) => (err instanceof Invalid ? err.message : String(err));

/** Runs a check; its problem, if any, is noted and the check's fallback result returned. */
function attempt<T>(problems: Problem[], path: string, check: () => T, fallback: T): T {
  try {
    return check();
  } catch (err) {
    problems.push({ path, message: explain(err) });
    return fallback;
  }
}

interface Plan {
  problems: Problem[];
  putWords: SavedWord[];
  deleteWords: number[];
  putCards: CardRecord[];
  deleteCards: number[];
  deleteReviews: number[];
  putKnown: KnownWord[];
  deleteKnown: string[];
  putNotKnown: KnownWord[];
  deleteNotKnown: string[];
  deleteTombstones: [TombstoneKind, string][];
  /** Corrections that are not one (lib/store/records.ts): removed, as nothing says what they meant. */
  deleteCorrections: number[];
}

/** Marks (known or not known) held to the headword rules; returns the valid ones, by headword. */
function checkMarks(rows: KnownWord[], table: 'known' | 'notKnown', p: Plan, now: number): Map<string, KnownWord> {
  const put = table === 'known' ? p.putKnown : p.putNotKnown;
  const del = table === 'known' ? p.deleteKnown : p.deleteNotKnown;
  const valid = new Map<string, KnownWord>();
  for (const k of rows) {
    const at = `${table}/${k.simplified}`;
    const simplified = attempt(p.problems, at, () => headword(k.simplified, at, LIMITS.headword, []), null);
    if (simplified === null) {
      del.push(k.simplified);
      continue;
    }
    const markedAt = attempt(p.problems, `${at}.markedAt`, () => pastDate(k.markedAt, `${at}.markedAt`, now), now);
    if (simplified !== k.simplified) del.push(k.simplified);
    if (simplified !== k.simplified || markedAt !== k.markedAt) put.push({ simplified, markedAt });
    valid.set(simplified, { simplified, markedAt });
  }
  return valid;
}

/** What is wrong and what the repair would do, from the rows as they are. */
function plan(
  words: SavedWord[],
  cards: CardRecord[],
  reviews: ReviewRecord[],
  known: KnownWord[],
  notKnown: KnownWord[],
  tombstones: Tombstone[],
  corrections: CorrectionRecord[],
  now: number,
): Plan {
  const p: Plan = {
    problems: [],
    putWords: [],
    deleteWords: [],
    putCards: [],
    deleteCards: [],
    deleteReviews: [],
    putKnown: [],
    deleteKnown: [],
    putNotKnown: [],
    deleteNotKnown: [],
    deleteTombstones: [],
    deleteCorrections: [],
  };
  const keptWords = new Set<number>();
  const byHeadword = new Set<string>();
  for (const w of words) {
    const at = `words/${w.id}`;
    const before = p.problems.length;
    const simplified = attempt(p.problems, `${at}.simplified`, () => headword(w.simplified, `${at}.simplified`, LIMITS.headword, []), null);
    if (simplified === null || byHeadword.has(simplified)) {
      if (simplified !== null) p.problems.push({ path: `${at}.simplified`, message: t('backupDuplicateWord', simplified) });
      p.deleteWords.push(w.id ?? 0);
      continue;
    }
    byHeadword.add(simplified);
    keptWords.add(w.id ?? 0);
    const traditional = attempt(p.problems, `${at}.traditional`, () => headword(w.traditional, `${at}.traditional`, LIMITS.headword, []), simplified);
    const savedAt = attempt(p.problems, `${at}.savedAt`, () => pastDate(w.savedAt, `${at}.savedAt`, now), now);
    const updatedAt = Math.max(savedAt, attempt(p.problems, `${at}.updatedAt`, () => pastDate(w.updatedAt, `${at}.updatedAt`, now), savedAt));
    const contexts = (Array.isArray(w.contexts) ? w.contexts : []).map((c, i) => ({
      ...c,
      date: attempt(p.problems, `${at}.contexts[${i}].date`, () => pastDate(c.date, `${at}.contexts[${i}].date`, now), savedAt),
    }));
    const repairs: { path: string; what: string }[] = [];
    const sorted = sortedContexts(contexts, `${at}.contexts`, repairs);
    p.problems.push(...repairs.map((r) => ({ path: r.path, message: r.what })));
    const fixed = { ...w, simplified, traditional, savedAt, updatedAt, contexts: sorted };
    if (p.problems.length > before || simplified !== w.simplified || traditional !== w.traditional) p.putWords.push(fixed);
  }
  const keptCards = new Map<number, number>();
  for (const c of cards) {
    const at = `cards/${c.id}`;
    if (!keptWords.has(c.wordId)) {
      p.problems.push({ path: `${at}.wordId`, message: t('storeCardWithoutWord', String(c.id)) });
      p.deleteCards.push(c.id ?? 0);
      continue;
    }
    keptCards.set(c.id ?? 0, c.wordId);
    const ok = attempt(p.problems, at, () => {
      dueDate(c.due, `${at}.due`, now);
      if (c.last_review !== null) pastDate(c.last_review, `${at}.last_review`, now);
      usableFsrs(c, at, now);
      return true;
    }, false);
    // The schedule is lost, the card is not: it is learned again from the start.
    if (!ok) p.putCards.push({ ...c, ...newCardFields(now), queue: c.queue });
  }
  for (const r of reviews) {
    const at = `reviews/${r.id}`;
    if (keptCards.get(r.cardId) !== r.wordId) {
      p.problems.push({ path: `${at}.cardId`, message: t('backupReviewWithoutCard', String(r.id)) });
      p.deleteReviews.push(r.id ?? 0);
      continue;
    }
    const ok = attempt(p.problems, at, () => {
      const review = pastDate(r.review, `${at}.review`, now);
      usableFsrs(r.before, `${at}.before`, review);
      return true;
    }, false);
    if (!ok) p.deleteReviews.push(r.id ?? 0);
  }
  const knownMarks = checkMarks(known, 'known', p, now);
  // A headword is marked one way at most: the later mark is kept.
  for (const [simplified, mark] of checkMarks(notKnown, 'notKnown', p, now)) {
    const other = knownMarks.get(simplified);
    if (!other) continue;
    p.problems.push({ path: `notKnown/${simplified}`, message: t('storeKnownAndNot', simplified) });
    const [del, put] = other.markedAt >= mark.markedAt ? ['deleteNotKnown', 'putNotKnown'] as const : ['deleteKnown', 'putKnown'] as const;
    p[del].push(simplified);
    p[put] = p[put].filter((k) => k.simplified !== simplified);
  }
  // A deletion of something that is there again is stale: saving or marking again forgets it (./tombstones.ts).
  const present = { word: new Set(words.map((w) => w.simplified)), known: new Set(known.map((k) => k.simplified)) };
  for (const s of tombstones) {
    if (!present[s.kind]?.has(s.simplified)) continue;
    p.problems.push({ path: `tombstones/${s.kind}/${s.simplified}`, message: t('backupDeletedAndPresent', s.simplified) });
    p.deleteTombstones.push([s.kind, s.simplified]);
  }
  for (const c of corrections) {
    const at = `corrections/${c.id}`;
    if (!attempt(p.problems, at, () => correctionRecord(c, at, now, []), null)) p.deleteCorrections.push(c.id ?? 0);
  }
  return p;
}

const readAll = (db: YueduDb) =>
  Promise.all([db.words.toArray(), db.cards.toArray(), db.reviews.toArray(), db.known.toArray(), db.notKnown.toArray(), db.tombstones.toArray(), db.corrections.toArray()] as const);

/** Everything wrong with the store, by path; empty when it is consistent. */
export async function checkStore(db: YueduDb, now = Date.now()): Promise<Problem[]> {
  return guard(() =>
    db.transaction('r', [db.words, db.cards, db.reviews, db.known, db.notKnown, db.tombstones, db.corrections], async () => plan(...(await readAll(db)), now).problems),
  );
}

/** Repairs the store in one transaction; returns what was wrong. Valid records are left as they are. */
export async function repairStore(db: YueduDb, now = Date.now()): Promise<Problem[]> {
  return write(db, [db.words, db.cards, db.reviews, db.known, db.notKnown, db.meta, db.tombstones, db.corrections], async () => {
    const p = plan(...(await readAll(db)), now);
    await db.reviews.bulkDelete([...p.deleteReviews, ...(await db.reviews.where('cardId').anyOf(p.deleteCards).primaryKeys()).map(Number)]);
    await db.cards.bulkDelete([...p.deleteCards, ...(await db.cards.where('wordId').anyOf(p.deleteWords).primaryKeys()).map(Number)]);
    await db.reviews.where('wordId').anyOf(p.deleteWords).delete();
    await db.words.bulkDelete(p.deleteWords);
    await db.words.bulkPut(p.putWords);
    await db.cards.bulkPut(p.putCards);
    await db.known.bulkDelete(p.deleteKnown);
    await db.known.bulkPut(p.putKnown);
    await db.notKnown.bulkDelete(p.deleteNotKnown);
    await db.notKnown.bulkPut(p.putNotKnown);
    await db.tombstones.bulkDelete(p.deleteTombstones);
    await db.corrections.bulkDelete(p.deleteCorrections);
    await syncCards(db, (await db.words.toCollection().primaryKeys()).map(Number), now);
    return p.problems;
  });
}
