import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { QUEUE } from '../../../lib/store/db';
import { badgeText, dueCount } from '../../../lib/store/due';
import { formatInterval, gradeCard, nextCard, undoGrade } from '../../../lib/store/schedule';
import { saveWord, setSuspended } from '../../../lib/store/words';
import { statistics } from '../../../lib/store/stats';
import { community, ctx, DAY, freshDb, MIN, summit, T0 } from './fixtures';

const word = (n: number) => ({ ...summit, simplified: `词${n}`, traditional: `詞${n}` });

describe('review scheduling', () => {
  it('shows a newly saved word at once, with an interval preview on each grade', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('一') }, T0);
    const item = await nextCard(db, T0 + 1, 20);
    expect(item?.word.simplified).toBe('峰会');
    expect(item?.due).toEqual({ scheduled: 0, new: 1, total: 1 });
    expect(item?.previews.map((p) => [p.label, p.interval])).toEqual([
      ['Again', '1m'],
      ['Hard', '6m'],
      ['Good', '10m'],
      ['Easy', expect.stringMatching(/^\d+d$/)],
    ]);
  });

  it('gives the card the interval its button showed, logs the grade, and moves on', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('一') }, T0);
    const item = await nextCard(db, T0, 20);
    if (!item?.card.id) throw new Error('no card');
    const good = item.previews.find((p) => p.grade === Rating.Good);
    const { card: graded } = await gradeCard(db, item.card.id, Rating.Good, T0);
    expect(graded.due).toBe(good?.due);
    expect(graded.queue).toBe(QUEUE.scheduled);
    expect(await db.reviews.toArray()).toMatchObject([{ cardId: item.card.id, rating: Rating.Good, review: T0, before: { state: 0, reps: 0 } }]);
    expect(await nextCard(db, T0 + MIN, 20)).toBeNull();
    expect((await nextCard(db, T0 + 11 * MIN, 20))?.card.id).toBe(item.card.id);
  });

  it('shows due reviews before new cards, and limits new cards per day', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i++) await saveWord(db, { word: word(i), context: ctx(`句${i}`) }, T0 + i);
    expect(await dueCount(db, T0 + 10, 3)).toEqual({ scheduled: 0, new: 3, total: 3 });
    const first = await nextCard(db, T0 + 10, 3);
    expect(first?.word.simplified).toBe('词0');
    await gradeCard(db, first?.card.id ?? 0, Rating.Again, T0 + 10);
    await gradeCard(db, (await nextCard(db, T0 + 20, 3))?.card.id ?? 0, Rating.Good, T0 + 20);
    // Two new cards started today: one more allowed.
    expect(await dueCount(db, T0 + 30, 3)).toEqual({ scheduled: 0, new: 1, total: 1 });
    // The Again card comes back after a minute, before the remaining new card.
    expect((await nextCard(db, T0 + 2 * MIN, 3))?.word.simplified).toBe('词0');
    // Tomorrow the allowance starts again.
    expect((await dueCount(db, T0 + DAY, 3)).new).toBe(3);
  });

  it('counts only the new cards started today against the allowance, not the reviews of cards already started', async () => {
    const db = freshDb();
    for (let i = 0; i < 3; i++) await saveWord(db, { word: word(i), context: ctx(`句${i}`) }, T0 + i);
    const first = (await nextCard(db, T0 + 10, 2))?.card.id ?? 0;
    await gradeCard(db, first, Rating.Again, T0 + 10);
    expect(await dueCount(db, T0 + 20, 2)).toMatchObject({ new: 1 });
    // The same card reviewed three more times today (learning steps): still one new card started, one more allowed.
    await gradeCard(db, first, Rating.Again, T0 + 2 * MIN);
    await gradeCard(db, first, Rating.Good, T0 + 4 * MIN);
    await gradeCard(db, first, Rating.Good, T0 + 20 * MIN);
    expect(await dueCount(db, T0 + 21 * MIN, 2)).toMatchObject({ new: 1 });
    expect((await nextCard(db, T0 + 21 * MIN, 2))?.word.simplified).toBe('词1');
    // Undoing the grade that started a card gives its place back.
    const second = (await nextCard(db, T0 + 21 * MIN, 2))?.card.id ?? 0;
    const { reviewId } = await gradeCard(db, second, Rating.Good, T0 + 22 * MIN);
    expect(await dueCount(db, T0 + 23 * MIN, 2)).toMatchObject({ new: 0 });
    await undoGrade(db, reviewId);
    expect(await dueCount(db, T0 + 23 * MIN, 2)).toMatchObject({ new: 1 });
  });

  it('undoes the last grade exactly, and only once per grade', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('一') }, T0);
    await saveWord(db, { word: community, context: ctx('二') }, T0);
    const card = (await nextCard(db, T0, 20))?.card;
    const id = card?.id ?? 0;
    const first = await gradeCard(db, id, Rating.Good, T0);
    const afterFirst = await db.cards.get(id);
    const second = await gradeCard(db, id, Rating.Hard, T0 + 11 * MIN);
    // The older grade cannot be undone while a later one stands: that would discard the later grade.
    expect(await undoGrade(db, first.reviewId)).toBeNull();
    expect(await undoGrade(db, second.reviewId)).toEqual(afterFirst);
    expect(await db.cards.get(id)).toEqual(afterFirst);
    expect(await undoGrade(db, second.reviewId)).toBeNull();
    expect(await undoGrade(db, first.reviewId)).toEqual(card);
    expect(await db.cards.get(id)).toEqual(card);
    expect(await db.reviews.count()).toBe(0);
  });

  it("undoes this popup's grade, not the store's latest review made elsewhere", async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('一') }, T0);
    await saveWord(db, { word: community, context: ctx('二') }, T0);
    const [a, b] = (await db.cards.toArray()).map((c) => c.id ?? 0);
    const before = await db.cards.get(a ?? 0);
    const mine = await gradeCard(db, a ?? 0, Rating.Good, T0);
    const otherTab = await gradeCard(db, b ?? 0, Rating.Easy, T0 + MIN);
    const otherCard = await db.cards.get(b ?? 0);
    expect(await undoGrade(db, mine.reviewId)).toEqual(before);
    expect(await db.cards.get(b ?? 0)).toEqual(otherCard);
    expect(await db.reviews.get(otherTab.reviewId)).toBeDefined();
  });

  it('refuses to grade a suspended card or a missing one', async () => {
    const db = freshDb();
    const { id } = await saveWord(db, { word: summit, context: ctx('一') }, T0);
    const cardId = (await db.cards.where('wordId').equals(id).first())?.id ?? 0;
    await setSuspended(db, id, true);
    expect(await nextCard(db, T0, 20)).toBeNull();
    await expect(gradeCard(db, cardId, Rating.Good, T0)).rejects.toThrow(/suspended/);
    await expect(gradeCard(db, 999, Rating.Good, T0)).rejects.toThrow(/no longer exists/);
    await expect(gradeCard(db, cardId, 7 as Rating.Good, T0)).rejects.toThrow(/Unknown grade/);
    expect(await db.reviews.count()).toBe(0);
  });

  it('puts the due count on the badge, nothing when none is due', () => {
    expect([0, 1, 42, 999, 1000].map(badgeText)).toEqual(['', '1', '42', '999', '999+']);
  });

  it('formats intervals the way the buttons show them', () => {
    expect([30_000, 10 * MIN, 3 * 60 * MIN, 3 * DAY, 90 * DAY, 800 * DAY].map(formatInterval)).toEqual(['1m', '10m', '3h', '3d', '3mo', '2.2y']);
  });

  it('counts words, reviews per day and retention of mature cards', async () => {
    const db = freshDb();
    const { id } = await saveWord(db, { word: summit, context: ctx('一') }, T0);
    const cardId = (await db.cards.where('wordId').equals(id).first())?.id ?? 0;
    const mature = { due: T0, stability: 10, difficulty: 5, elapsed_days: 10, scheduled_days: 10, learning_steps: 0, reps: 3, lapses: 0, state: 2, last_review: T0 - 10 * DAY };
    await db.reviews.bulkAdd([
      { cardId, wordId: id, rating: 3, review: T0 - DAY, before: mature },
      { cardId, wordId: id, rating: 1, review: T0, before: mature },
      { cardId, wordId: id, rating: 4, review: T0 + MIN, before: mature },
      { cardId, wordId: id, rating: 3, review: T0 + 2 * MIN, before: { ...mature, state: 0 } },
      { cardId, wordId: id, rating: 3, review: T0 - 40 * DAY, before: mature },
    ]);
    const stats = await statistics(db, T0 + 3 * MIN, 7);
    expect(stats.words).toBe(1);
    expect(stats.reviewsPerDay).toHaveLength(7);
    expect(stats.reviewsPerDay.at(-1)).toEqual({ day: '2026-11-24', count: 3 });
    expect(stats.reviewsPerDay.at(-2)).toEqual({ day: '2026-11-23', count: 1 });
    expect(stats.reviewed).toBe(4);
    expect(stats.retention).toBeCloseTo(2 / 3);
  });
});
