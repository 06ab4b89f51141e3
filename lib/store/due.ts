/** How many cards are due now: what the badge shows and the review counts down. */
import type { YueduDb } from './db';
import { guard } from './errors';
import { newCards, scheduledCards } from './queue';

/** Local midnight: the daily new-card allowance starts again each calendar day. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** How many new cards may still be started today (by reviews up to now: one dated later is not today's). */
async function newAllowance(db: YueduDb, now: number, dailyNewCards: number): Promise<number> {
  const startedToday = await db.reviews
    .where('review')
    .between(startOfDay(now), now, true, true)
    .filter((r) => r.before.state === 0)
    .count();
  return Math.max(0, dailyNewCards - startedToday);
}

export interface DueCount {
  /** Learning and review cards due now. */
  scheduled: number;
  /** New cards that may still be started today. */
  new: number;
  total: number;
}

export async function dueCount(db: YueduDb, now: number, dailyNewCards: number): Promise<DueCount> {
  return guard(() =>
    db.transaction('r', [db.cards, db.reviews], async () => {
      const scheduled = await scheduledCards(db, now).count();
      const allowance = await newAllowance(db, now, dailyNewCards);
      // The keys of the first `allowance` new cards, read up to there: Dexie counts a limited range whole (then caps it),
      // a step for every new card waiting, and this runs after every write (the badge).
      const waiting = allowance > 0 ? (await newCards(db).limit(allowance).primaryKeys()).length : 0;
      return { scheduled, new: waiting, total: scheduled + waiting };
    }),
  );
}

/** The due count as the toolbar badge shows it: nothing when none is due. */
export const badgeText = (due: number): string => (due === 0 ? '' : due > 999 ? '999+' : String(due));

/** When the next learning or review card falls due (null when none is scheduled). */
async function nextDueAt(db: YueduDb): Promise<number | null> {
  return guard(async () => {
    const card = await scheduledCards(db).first();
    return card?.due ?? null;
  });
}


/** For the review's "all done" screen: how many words there are, when the next card falls due, whether new cards wait. */
export async function reviewDoneState(db: YueduDb): Promise<{ words: number; nextDue: number | null; newLeft: boolean }> {
  return guard(() =>
    db.transaction('r', [db.words, db.cards], async () => ({
      words: await db.words.count(),
      nextDue: await nextDueAt(db),
      newLeft: (await newCards(db).count()) > 0,
    })),
  );
}
