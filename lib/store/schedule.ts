/**
 * Review scheduling with FSRS (ts-fsrs): what is due, the next card, grading with an interval preview, undo.
 * All state is in IndexedDB, so a service worker or popup killed between two grades loses nothing.
 */
import { Rating, type Grade } from 'ts-fsrs';
import { t, type MessageKey } from '../i18n';
import { QUEUE, type CardRecord, type SavedWord, type YueduDb } from './db';
import { guard, StoreError } from './errors';
import { write } from './write';
import { fsrsState, scheduler, toFsrsCard } from './fsrs';
import { readPrefs } from './prefs';
import { dueCount, type DueCount } from './due';
import { newCards, queueFor, scheduledCards } from './queue';

const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[];
const GRADE_LABELS: Record<Grade, MessageKey> = {
  [Rating.Again]: 'gradeAgain',
  [Rating.Hard]: 'gradeHard',
  [Rating.Good]: 'gradeGood',
  [Rating.Easy]: 'gradeEasy',
};

interface Preview {
  grade: Grade;
  label: string;
  due: number;
  /** "1m", "10m", "3d", "2mo": what the button shows. */
  interval: string;
}

export interface ReviewItem {
  card: CardRecord;
  word: SavedWord;
  previews: Preview[];
  due: DueCount;
}

export function formatInterval(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t('intervalMinutes', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 24) return t('intervalHours', hours);
  const days = Math.round(hours / 24);
  if (days < 30) return t('intervalDays', days);
  if (days < 365) return t('intervalMonths', Math.round(days / 30));
  return t('intervalYears', (days / 365).toFixed(1).replace(/\.0$/, ''));
}

function previews(card: CardRecord, now: number): Preview[] {
  const outcomes = scheduler.repeat(toFsrsCard(card), new Date(now));
  return GRADES.map((grade) => {
    const due = outcomes[grade].card.due.getTime();
    return { grade, label: t(GRADE_LABELS[grade]), due, interval: formatInterval(due - now) };
  });
}

async function itemFor(db: YueduDb, card: CardRecord, now: number, due: DueCount): Promise<ReviewItem> {
  const word = await db.words.get(card.wordId);
  if (!word) throw new StoreError(t('storeCardWithoutWord', String(card.id)), 'missing');
  return { card, word, previews: previews(card, now), due };
}

/** The card to show now: learning and review cards first, earliest due first, then new cards oldest first. */
export async function nextCard(db: YueduDb, now: number, dailyNewCards: number): Promise<ReviewItem | null> {
  return guard(() =>
    db.transaction('r', [db.cards, db.reviews, db.words], async () => {
      const due = await dueCount(db, now, dailyNewCards);
      let card = await scheduledCards(db, now).first();
      if (!card && due.new > 0) card = await newCards(db).first();
      return card ? itemFor(db, card, now, due) : null;
    }),
  );
}

/** One card to show again (after an undo), whether or not it is due. */
export async function cardItem(db: YueduDb, cardId: number, now: number, dailyNewCards: number): Promise<ReviewItem | null> {
  return guard(() =>
    db.transaction('r', [db.cards, db.reviews, db.words], async () => {
      const card = await db.cards.get(cardId);
      return card ? itemFor(db, card, now, await dueCount(db, now, dailyNewCards)) : null;
    }),
  );
}

/** A grade as the popup that gave it remembers it: the card after it, and the log row that undoes it. */
export interface Graded {
  card: CardRecord;
  reviewId: number;
}

/** Grades a card; the log row keeps the card's state before the grade, so `undoGrade` can restore it exactly. */
export async function gradeCard(db: YueduDb, cardId: number, grade: Grade, now = Date.now()): Promise<Graded> {
  if (!GRADES.includes(grade)) throw new StoreError(t('storeUnknownGrade', String(grade)), 'invalid');
  return write(db, [db.cards, db.reviews, db.words, db.known, db.meta], async () => {
      const card = await db.cards.get(cardId);
      if (!card) throw new StoreError(t('storeCardGone'), 'missing');
      if (card.queue === QUEUE.inactive) throw new StoreError(t('storeCardInactive'), 'invalid');
      const { card: next } = scheduler.next(toFsrsCard(card), new Date(now), grade);
      const updated: CardRecord = { ...card, ...fsrsState(next), queue: QUEUE.scheduled };
      await db.cards.put(updated);
      const reviewId = Number(await db.reviews.add({ cardId, wordId: card.wordId, rating: grade, review: now, before: fsrsState(card) }));
      return { card: updated, reviewId };
    });
}

/**
 * Undoes one grade, the one this popup gave (not the store's latest review: after an import or a grade in another
 * tab that is another card's). Nothing is undone when the grade is gone or the card has been graded again since,
 * as restoring the older state would silently discard the later grade. Returns the restored card, if any.
 */
export async function undoGrade(db: YueduDb, reviewId: number): Promise<CardRecord | null> {
  return write(db, [db.cards, db.reviews, db.words, db.known, db.meta], async () => {
      const last = await db.reviews.get(reviewId);
      if (!last) return null;
      const later = await db.reviews.where('cardId').equals(last.cardId).filter((r) => (r.id ?? 0) > reviewId).count();
      if (later > 0) return null;
      await db.reviews.delete(reviewId);
      const card = await db.cards.get(last.cardId);
      if (!card) return null;
      const restored: CardRecord = { ...card, ...fsrsState(last.before) };
      const word = await db.words.get(card.wordId);
      const active = !!word && !word.suspended && !(await db.known.get(word.simplified));
      restored.queue = queueFor(restored, active, await readPrefs(db));
      await db.cards.put(restored);
      return restored;
    });
}
